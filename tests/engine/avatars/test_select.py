import numpy as np
import pytest

from engine.avatars.library import build_library
from engine.avatars.perceptual import variant_space
from engine.avatars.portrait import build_portrait
from engine.avatars.select import Params, Previous, assign, cooccurrence_graph

THEMES = ["篮球", "cats", "travel", "coffee", "chess", "piano", "hiking", "photography", "books",
          "robots", "gardening", "movies", "dogs", "tennis", "stargazing", "guitar"]


@pytest.fixture(scope="module")
def space():
    return variant_space(build_library())


def population(n=600, groups=40, seed=3):
    rng = np.random.default_rng(seed)
    users = []
    for i in range(n):
        k = int(rng.integers(0, 4))
        users.append({"user_id": f"u{i:05d}", "age": int(rng.integers(6, 80)),
                      "interests": list(rng.choice(THEMES, size=k, replace=False)),
                      "activity": float(rng.exponential(3))})
    lists = [rng.choice(n, size=int(rng.integers(3, 61)), replace=False) for _ in range(groups)]
    lists.append(rng.permutation(n)[:400])  # a long contact list: windowed pairs
    return users, lists


def run(space, users, lists, **kw):
    por = [build_portrait(u) for u in users]
    adj = cooccurrence_graph(len(users), lists, Params())
    return por, adj, assign([u["user_id"] for u in users], por, space, adj, **kw)


def test_every_co_occurring_pair_is_distinct_and_above_threshold(space):
    users, lists = population()
    _, adj, out = run(space, users, lists)
    v = np.array([out[i].variant for i in range(len(users))])
    a, b = adj.nonzero()
    assert len(a) > 10_000
    assert (v[a] // space.n_bg != v[b] // space.n_bg).all()
    assert space.dist[v[a], v[b]].min() >= Params().threshold


def test_long_lists_use_a_window_in_display_order(space):
    adj = cooccurrence_graph(100, [np.arange(100)], Params(window=5))
    assert adj[0, 4] and not adj[0, 5] and adj[50, 46]
    small = cooccurrence_graph(10, [np.array([3, -1, 7, 9])], Params())
    assert small[3, 9] and small[7, 9] and small.nnz == 6


def test_match_share_with_interest_data_is_high(space):
    users, lists = population(seed=11)
    por, _, out = run(space, users, lists)
    hits = [bool(set(p.top(3)) & set(space.pictures[out[i].variant // space.n_bg].tags))
            for i, p in enumerate(por) if p.has_interests]
    assert np.mean(hits) >= 0.9


def test_deterministic_and_stable_when_a_user_joins(space):
    users, lists = population(n=300, groups=20, seed=5)
    _, _, first = run(space, users, lists)
    _, _, again = run(space, users, lists)
    assert {i: c.variant for i, c in first.items()} == {i: c.variant for i, c in again.items()}
    # a newcomer joins group 0: everybody else keeps their avatar (no forced conflict possible
    # because the newcomer adapts to them)
    users2 = users + [{"user_id": "zzz-new", "age": 30, "interests": ["cats"]}]
    lists2 = [np.append(lists[0], len(users))] + lists[1:]
    prev = {i: Previous(c.variant) for i, c in first.items()}
    _, _, second = run(space, users2, lists2, previous=prev)
    assert all(second[i].status == "kept" for i in range(len(users)))
    assert second[len(users)].status == "auto"


def test_locked_users_keep_their_avatar_and_others_move(space):
    users = [{"user_id": f"u{i}", "interests": ["cats"], "age": 30} for i in range(3)]
    lists = [np.arange(3)]
    _, _, first = run(space, users, lists)
    # force u1 onto u0's variant and lock it: u0 (not locked) must move away
    prev = {0: Previous(first[0].variant), 1: Previous(first[0].variant, locked=True),
            2: Previous(first[2].variant)}
    _, _, out = run(space, users, lists, previous=prev)
    assert out[1].status == "locked" and out[1].variant == first[0].variant
    assert out[0].variant // space.n_bg != first[0].variant // space.n_bg
    assert out[0].status == "forced" and out[0].conflicts == [1]
    assert out[2].status == "kept"


def test_regenerate_picks_another_picture(space):
    users = [{"user_id": "solo", "interests": ["piano"], "age": 40}]
    _, _, first = run(space, users, [])
    pic = first[0].variant // space.n_bg
    prev = {0: Previous(first[0].variant, generation=1)}
    _, _, again = run(space, users, [], previous=prev, avoid_pictures={0: pic})
    new_pic = again[0].variant // space.n_bg
    assert new_pic != pic
    assert "theme:music" in space.pictures[new_pic].tags  # still matches the portrait
