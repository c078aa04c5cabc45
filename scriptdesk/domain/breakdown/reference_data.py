"""Death years of well-known authors, speakers and film-makers.

Rights reasoning needs an author's death year; a script rarely states it, so
this small table covers people documentaries quote most often. It is data,
not a source of truth: a death year stated in the script itself or entered by
a researcher wins. Keys are full names as usually written in English (and in
Russian), matched on surname plus given name; a surname alone matches only
where it is marked unambiguous.
"""

from __future__ import annotations

import re

# (given name or "", surname) -> death year; "" given name: surname alone is enough.
DEATH_YEARS: dict[tuple[str, str], int] = {
    ("vladimir", "lenin"): 1924, ("", "lenin"): 1924, ("", "ленин"): 1924,
    ("joseph", "stalin"): 1953, ("", "stalin"): 1953, ("", "сталин"): 1953,
    ("leon", "trotsky"): 1940, ("lev", "trotsky"): 1940, ("", "trotsky"): 1940, ("", "троцкий"): 1940,
    ("lev", "kamenev"): 1936, ("лев", "каменев"): 1936,
    ("grigory", "zinoviev"): 1936, ("", "zinoviev"): 1936, ("григорий", "зиновьев"): 1936, ("", "зиновьев"): 1936,
    ("nikolai", "bukharin"): 1938, ("", "bukharin"): 1938, ("николай", "бухарин"): 1938,
    ("maxim", "gorky"): 1936, ("", "gorky"): 1936, ("максим", "горький"): 1936, ("", "горький"): 1936,
    ("sergei", "prokofiev"): 1953, ("", "prokofiev"): 1953, ("сергей", "прокофьев"): 1953,
    ("anastas", "mikoyan"): 1978, ("", "mikoyan"): 1978, ("анастас", "микоян"): 1978,
    ("nikita", "khrushchev"): 1971, ("", "khrushchev"): 1971, ("никита", "хрущёв"): 1971,
    ("victor", "serge"): 1947,
    ("dmitry", "likhachev"): 1999, ("", "likhachev"): 1999, ("дмитрий", "лихачёв"): 1999,
    ("boris", "chertok"): 2011, ("", "chertok"): 2011,
    ("korney", "chukovsky"): 1969, ("", "chukovsky"): 1969, ("корней", "чуковский"): 1969,
    ("galina", "serebryakova"): 1980,
    ("yakov", "sverdlov"): 1919, ("", "sverdlov"): 1919,
    ("karl", "radek"): 1939, ("", "radek"): 1939,
    ("sergei", "kirov"): 1934, ("", "kirov"): 1934,
    ("sergei", "eisenstein"): 1948, ("", "eisenstein"): 1948, ("сергей", "эйзенштейн"): 1948,
    ("grigori", "alexandrov"): 1983,
    ("fyodor", "dostoevsky"): 1881, ("", "dostoevsky"): 1881, ("фёдор", "достоевский"): 1881,
    ("alexander", "pushkin"): 1837, ("", "pushkin"): 1837, ("александр", "пушкин"): 1837,
    ("leo", "tolstoy"): 1910, ("lev", "tolstoy"): 1910,
    ("nadezhda", "krupskaya"): 1939, ("", "krupskaya"): 1939,
    ("yuri", "trifonov"): 1981,
    ("grigori", "sokolnikov"): 1939, ("", "sokolnikov"): 1939,
    ("alexei", "rykov"): 1938, ("", "rykov"): 1938,
    ("genrikh", "yagoda"): 1938, ("", "yagoda"): 1938,
    ("andrey", "vyshinsky"): 1954, ("andrei", "vyshinsky"): 1954, ("", "vyshinsky"): 1954,
    ("vyacheslav", "molotov"): 1986, ("", "molotov"): 1986,
    ("mikhail", "kalinin"): 1946, ("", "kalinin"): 1946,
    ("viktor", "chernov"): 1952,
    ("alexander", "blok"): 1921, ("", "blok"): 1921,
    ("nikolai", "gumilyov"): 1921, ("", "gumilyov"): 1921,
    ("vladimir", "mayakovsky"): 1930, ("", "mayakovsky"): 1930,
    ("anna", "akhmatova"): 1966, ("", "akhmatova"): 1966,
    ("mikhail", "bulgakov"): 1940, ("", "bulgakov"): 1940,
    ("osip", "mandelstam"): 1938, ("", "mandelstam"): 1938,
    ("boris", "pasternak"): 1960, ("", "pasternak"): 1960,
    ("marina", "tsvetaeva"): 1941, ("", "tsvetaeva"): 1941,
    ("mikhail", "svetlov"): 1964,
    ("felix", "dzerzhinsky"): 1926, ("", "dzerzhinsky"): 1926,
    ("kliment", "voroshilov"): 1969, ("", "voroshilov"): 1969,
    ("lavrentiy", "beria"): 1953, ("", "beria"): 1953,
    ("andrei", "zhdanov"): 1948, ("", "zhdanov"): 1948,
    ("winston", "churchill"): 1965, ("", "churchill"): 1965,
    ("franklin", "roosevelt"): 1945,
    ("adolf", "hitler"): 1945, ("", "hitler"): 1945,
    ("alexander", "kerensky"): 1970, ("", "kerensky"): 1970,
    ("dmitri", "shostakovich"): 1975, ("", "shostakovich"): 1975,
    ("igor", "stravinsky"): 1971, ("", "stravinsky"): 1971,
    ("sergei", "diaghilev"): 1929,
    ("sergei", "korolev"): 1966,
    ("sergei", "bondarchuk"): 1994,
    ("george", "orwell"): 1950, ("", "orwell"): 1950,
    ("john", "reed"): 1920,
}


def known_death_year(display_name: str, variants: list[str] | tuple[str, ...] = ()) -> int | None:
    """The table's death year for a person, or None when not listed or ambiguous."""
    names = [display_name, *variants]
    for name in names:
        words = [re.sub(r"[’']s$", "", w.lower()) for w in name.split()]
        if not words:
            continue
        surname, given = words[-1], words[0] if len(words) > 1 else ""
        if given and (given, surname) in DEATH_YEARS:
            return DEATH_YEARS[(given, surname)]
    # A surname alone, but only when no given name in the script contradicts it.
    given_names = {name.split()[0].lower() for name in names if len(name.split()) > 1}
    for name in names:
        words = name.split()
        if len(words) == 1 and ("", words[0].lower()) in DEATH_YEARS:
            surname = words[0].lower()
            if all((g, surname) in DEATH_YEARS for g in given_names):
                return DEATH_YEARS[("", surname)]
    return None
