"""Full-text search over every source passage, behind one interface.

On SQLite the passages are indexed by an FTS5 table; on PostgreSQL by a GIN
index over ``to_tsvector('simple', ...)``. Both are created idempotently on
first use (:func:`ensure_search_index`), so databases made before the index
existed get it, and filled, when first searched. New passages are indexed a
whole document at a time by :func:`index_passages` (one ``INSERT ... SELECT``
is about ten times faster than a trigger per row); deletions and edits are
kept in step by triggers. :class:`PassageSearch` answers "which passages share the most
distinctive words with this text", ranked best first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

from scriptdesk.sources.document import PageSpan, PassageDraft
from scriptdesk.sources.textview import words

FTS_TABLE = "source_passage_fts"
VOCABULARY_TABLE = "source_passage_fts_vocabulary"
#: Words too common to tell one passage from another (English and Russian).
STOPWORDS = frozenset(
    """the and that this with from have has had was were are for not but you your his her its
    they them their there then than which who whom what when where will would shall should
    could can been being into onto upon about after before also only very more most such
    some any all our out one two its it's our him she he we us me my of to in on at by as is
    be or an a i it no so do did does if up
    и в во не что он она оно они на я с со как а то все всё так его её ее но да ты к у же вы за
    бы по только ей мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если
    уже или ни быть был была были него до вас нибудь опять уж вам ведь там потом себя ничего
    может мы тут где есть надо ней для тем чтобы нее сейчас этот этого этой эти это""".split()
)
#: Candidate words taken from a text, and the rarest of them sent to the index.
QUERY_WORDS = 16
RARE_WORDS = 8
#: A word in more than this share of all passages tells nothing.
COMMON_SHARE = 0.2
#: Rare words always sent, and how many passages they may name in all
#: (a number, or a share of the library when that is larger) before more are sent.
MIN_RARE_WORDS = 3
POSTINGS_BUDGET = 400
POSTINGS_SHARE = 0.02
#: A broad search: at least this many rare words, and this many times the budget.
BROAD_MIN_RARE_WORDS = 5
BROAD_FACTOR = 4

_PASSAGE_COLUMNS = (
    'p.id, p.document_id, d.source_id, p.ordinal, p.start, p."end", p.match_text, '
    "p.speaker, p.page_label, p.line, "
    'CASE WHEN length(p.match_text) <> p."end" - p.start '
    'THEN substr(d.text, p.start + 1, p."end" - p.start) END AS printed'
)

_SQLITE_DDL = (
    # detail=column: no token positions (ScriptDesk never asks for phrases), a
    # smaller index that is built about twice as fast.
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(match_text, "
    "content='source_passage', content_rowid='id', tokenize='unicode61 remove_diacritics 2', "
    "detail=column)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY_TABLE} USING fts5vocab({FTS_TABLE}, 'row')",
    # Segments are merged only when many pile up (crisis merge) rather than a
    # little at every insert: indexing a large source is a third faster, and
    # searches for a few rare words are no slower.
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('automerge', 0)",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON source_passage BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, match_text) "
    "VALUES ('delete', old.id, old.match_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE OF match_text ON source_passage BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, match_text) "
    "VALUES ('delete', old.id, old.match_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, match_text) VALUES (new.id, new.match_text); END",
)
#: The per-row insert trigger of earlier versions, dropped where found.
_OLD_INSERT_TRIGGER = f"{FTS_TABLE}_ai"
_POSTGRES_DDL = (
    "CREATE INDEX IF NOT EXISTS ix_source_passage_match_tsv ON source_passage "
    "USING gin (to_tsvector('simple', match_text))",
)

@dataclass(frozen=True, slots=True)
class PassageHit:
    """A passage found by the index, with what matching and citing need."""

    passage_id: int
    document_id: int
    source_id: int
    ordinal: int
    start: int  # in the document text
    end: int
    match_text: str
    speaker: str | None
    page_label: str | None
    line: int | None
    printed: str | None  # the printed text when it differs from match_text


def ensure_search_index(connection: Connection) -> None:
    """Create (and on SQLite fill) the full-text index if it is missing.

    Checked on every call (a cheap catalogue look-up) rather than remembered,
    because the creating transaction may still be rolled back.
    """
    if connection.dialect.name == "sqlite":
        present = set(connection.execute(
            text("SELECT name FROM sqlite_master WHERE name IN (:vocabulary, :trigger)"),
            {"vocabulary": VOCABULARY_TABLE, "trigger": _OLD_INSERT_TRIGGER},
        ).scalars())
        if _OLD_INSERT_TRIGGER in present:
            connection.execute(text(f"DROP TRIGGER {_OLD_INSERT_TRIGGER}"))
        if VOCABULARY_TABLE not in present:
            connection.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))
            for statement in _SQLITE_DDL:
                connection.execute(text(statement))
            connection.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))
    elif connection.dialect.name == "postgresql":
        exists = connection.execute(
            text("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_source_passage_match_tsv' "
                 "AND schemaname = current_schema()")
        ).first()
        if exists is None:
            for statement in _POSTGRES_DDL:
                connection.execute(text(statement))


def store_passages(connection: Connection, document_id: int, passages: Sequence[PassageDraft]) -> None:
    """Insert a new document's passages and add them to the index.

    Rows go straight to the driver's ``executemany``: for tens of thousands of
    passages, building SQLAlchemy parameters row by row costs more than the
    insert itself.
    """
    columns = ("document_id", "ordinal", "speaker", "page_label", "line", "start", "end", "match_text")
    marks = ", ".join(["?"] * len(columns) if connection.dialect.paramstyle == "qmark" else ["%s"] * len(columns))
    statement = f"INSERT INTO source_passage ({', '.join(map(_quoted, columns))}) VALUES ({marks})"
    rows = [
        (document_id, p.ordinal, _clipped(p.speaker, 200), _clipped(p.page_label, 40), p.line, p.start, p.end,
         p.match_text)
        for p in passages
    ]
    if rows:
        connection.exec_driver_sql(statement, rows)
    index_passages(connection, document_id)


def _quoted(column: str) -> str:
    return f'"{column}"'


def _clipped(value: str | None, limit: int) -> str | None:
    return value[:limit] if value else None


def index_passages(connection: Connection, document_id: int) -> None:
    """Add a newly stored document's passages to the index (in the same transaction)."""
    if connection.dialect.name == "sqlite":
        connection.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, match_text) "
                 "SELECT id, match_text FROM source_passage WHERE document_id = :document"),
            {"document": document_id},
        )
    # PostgreSQL keeps its expression index up to date by itself.


def query_words(text_to_find: str, limit: int = QUERY_WORDS) -> list[str]:
    """The most distinctive words of a text (longest first), for the index."""
    found: dict[str, None] = {}
    for word in words(text_to_find).folded:
        for part in word.split("'"):
            if len(part) >= 3 and part not in STOPWORDS and not part.isdigit():
                found[part] = None
    chosen = sorted(found, key=len, reverse=True)[:limit]
    if not chosen:  # a very short text: use whatever words it has
        chosen = list(dict.fromkeys(p for w in words(text_to_find).folded for p in w.split("'") if p))[:limit]
    return chosen


class PassageSearch:
    """Ranked full-text search of passages on one database connection."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect.name
        self._pages: dict[int, list[PageSpan]] = {}
        self._frequency: dict[str, int] = {}  # passages holding each word (SQLite)
        self._passages: int | None = None
        self._complete_vocabulary = False
        ensure_search_index(connection)

    def find(self, text_to_find: str, limit: int = 8, *, broad: bool = False) -> list[PassageHit]:
        """Passages sharing the most distinctive words with ``text_to_find``.

        A quick search sends the rarest few words; a ``broad`` one sends up to
        :data:`RARE_WORDS` of them, for a quotation the quick one missed.
        """
        terms = query_words(text_to_find)
        if self.dialect == "sqlite":
            terms = self._rarest(terms, budgeted=not broad)
        else:
            terms = terms[:RARE_WORDS]
        if not terms:
            return []
        params: dict[str, object] = {"limit": limit}
        if self.dialect == "sqlite":
            # Ranked by the summed rarity of the words a passage shares with the
            # text (idf); several times faster than FTS5's bm25 over external content.
            selects = []
            for number, term in enumerate(terms):
                selects.append(f"SELECT rowid AS id, :w{number} AS weight FROM {FTS_TABLE} "
                               f"WHERE {FTS_TABLE} MATCH :t{number}")
                params[f"t{number}"] = f'"{term}"'
                params[f"w{number}"] = math.log((self._passages or 1) / max(1, self._frequency.get(term, 1))) + 1.0
            sql = (
                f"SELECT {_PASSAGE_COLUMNS} FROM (SELECT id, sum(weight) AS score FROM ("
                + " UNION ALL ".join(selects)
                + ") GROUP BY id ORDER BY score DESC, id LIMIT :limit) AS f "
                "JOIN source_passage p ON p.id = f.id "
                "JOIN source_document d ON d.id = p.document_id ORDER BY f.score DESC, p.id"
            )
        elif self.dialect == "postgresql":
            params["query"] = " | ".join(terms)
            sql = (
                f"SELECT {_PASSAGE_COLUMNS} FROM source_passage p "
                "JOIN source_document d ON d.id = p.document_id "
                "WHERE to_tsvector('simple', p.match_text) @@ to_tsquery('simple', :query) "
                "ORDER BY ts_rank(to_tsvector('simple', p.match_text), "
                "to_tsquery('simple', :query)) DESC, p.id LIMIT :limit"
            )
        else:
            params["query"] = "%" + max(terms, key=len) + "%"
            sql = (
                f"SELECT {_PASSAGE_COLUMNS} FROM source_passage p "
                "JOIN source_document d ON d.id = p.document_id "
                "WHERE lower(p.match_text) LIKE :query ORDER BY p.id LIMIT :limit"
            )
        rows = self.connection.execute(text(sql), params)
        return [PassageHit(*row) for row in rows]

    def load_vocabulary(self) -> None:
        """Read every word's passage count at once (for matching many quotations)."""
        if self.dialect == "sqlite":
            self._frequency = dict(self.connection.execute(text(f"SELECT term, doc FROM {VOCABULARY_TABLE}")).all())
            self._complete_vocabulary = True

    def _rarest(self, terms: list[str], budgeted: bool = True) -> list[str]:
        """The terms found in fewest passages (none found anywhere: dropped)."""
        if self._complete_vocabulary:
            unknown = []
            for term in terms:
                self._frequency.setdefault(term, 0)
        else:
            unknown = [term for term in terms if term not in self._frequency]
        for term in unknown:
            self._frequency[term] = self.connection.execute(
                text(f"SELECT doc FROM {VOCABULARY_TABLE} WHERE term = :term"), {"term": term}
            ).scalar() or 0
        if self._passages is None:
            self._passages = self.connection.execute(text("SELECT count(*) FROM source_passage")).scalar() or 0
        present = sorted((t for t in terms if self._frequency[t] > 0), key=lambda t: self._frequency[t])
        telling = [t for t in present if self._frequency[t] <= COMMON_SHARE * self._passages]
        ranked = telling if len(telling) >= 3 else present
        # The rarest words until the passages they name would make the query
        # slow: the cost of a search grows with those passages, while a
        # passage holding a quotation's three rarest words is nearly always its source.
        budget = max(POSTINGS_BUDGET, POSTINGS_SHARE * self._passages) * (1 if budgeted else BROAD_FACTOR)
        least = MIN_RARE_WORDS if budgeted else BROAD_MIN_RARE_WORDS
        chosen: list[str] = []
        postings = 0
        for term in ranked[:RARE_WORDS]:
            if len(chosen) >= least and postings + self._frequency[term] > budget:
                break
            chosen.append(term)
            postings += self._frequency[term]
        return chosen

    def neighbours(self, hit: PassageHit, before: int = 1, after: int = 1) -> list[PassageHit]:
        """The passage with those around it in the same document, in order."""
        rows = self.connection.execute(
            text(
                f"SELECT {_PASSAGE_COLUMNS} FROM source_passage p "
                "JOIN source_document d ON d.id = p.document_id "
                "WHERE p.document_id = :document AND p.ordinal BETWEEN :low AND :high "
                "ORDER BY p.ordinal"
            ),
            {"document": hit.document_id, "low": hit.ordinal - before, "high": hit.ordinal + after},
        )
        return [PassageHit(*row) for row in rows]

    def pages(self, document_id: int) -> list[PageSpan]:
        """The pages of a document, in order (cached)."""
        if document_id not in self._pages:
            rows = self.connection.execute(
                text(
                    'SELECT label, start, "end" FROM source_page '
                    "WHERE document_id = :document ORDER BY start"
                ),
                {"document": document_id},
            )
            self._pages[document_id] = [PageSpan(*row) for row in rows]
        return self._pages[document_id]
