import numpy as np
import pytest
from scipy import sparse

from engine.errors import Cancelled, InputError
from engine.fraud import stages
from engine.fraud.params import Params
from engine.fraud.synth import generate
from engine.progress import BasicState


def test_small_buckets_give_all_pairs_and_big_ones_are_capped():
    rng = np.random.default_rng(0)
    small_users = np.arange(10, dtype=np.int32)
    big_users = np.arange(100, 1100, dtype=np.int32)
    bucket = np.r_[np.zeros(10, np.int64), np.ones(1000, np.int64)]
    user = np.r_[small_users, big_users]
    orders = [rng.integers(0, 2**63, 2000, dtype=np.int64).astype(np.uint64) for _ in range(2)]
    u, v = stages.bucket_pairs(bucket, user, cap=12, neighbours=3, orders=orders)
    assert np.all(u < v)
    small = v < 10
    assert len({(a, b) for a, b in zip(u[small], v[small])}) == 45  # all 10·9/2
    big = u >= 100
    assert big.sum() <= 1000 * 3 * 2  # never quadratic (would be 499,500)
    assert not np.any((u < 100) & (v >= 100))  # no pairs across buckets


def test_minhash_puts_identical_sets_together():
    rows = sparse.csr_matrix(np.array([[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]], float))
    h = stages.minhash(rows, seed=3)
    assert h[0] == h[1]


def test_similarity_matches_dense_cosine():
    s = generate(2000, 30_000, seed=5)
    p = Params()
    sel = stages.select_events(s.events, p)
    feat = stages.slot_features(sel, p)
    pairs = stages.candidate_pairs(s.events, sel, feat, p)
    sim, _ = stages.pair_similarity(pairs, feat)
    dense = feat.tfidf.toarray()
    pick = np.random.default_rng(1).choice(pairs.u.size, 300, replace=False)
    expect = (dense[pairs.u[pick]] * dense[pairs.v[pick]]).sum(1)
    assert np.allclose(sim[pick], expect, atol=1e-4)
    norms = np.sqrt((dense ** 2).sum(1))
    assert np.allclose(norms[norms > 0], 1.0, atol=1e-4)
    common = stages.common_slots(pairs, feat, pick)
    act = feat.active.toarray()
    assert np.array_equal(common, (act[pairs.u[pick]] * act[pairs.v[pick]]).sum(1).astype(int))


def test_device_and_ip_sharing_link_users_without_common_targets():
    import pyarrow as pa
    from engine.fraud.io import events_from_table

    rows = []
    for u in range(6):  # six accounts on one phone, each on its own streamer and time
        for k in range(4):
            rows.append((f"p{u}", "like", f"t{u}", 1_790_812_800 + 5000 * u + 97 * k, "phone", f"ip{u}"))
    for u in range(4):  # four accounts behind one IP, separate devices
        for k in range(4):
            rows.append((f"q{u}", "like", f"s{u}", 1_790_900_000 + 7000 * u + 61 * k, f"dq{u}", "nat"))
    t = pa.table(dict(zip(["user_id", "action", "target_id", "ts", "device_id", "ip"], zip(*rows))))
    ev = events_from_table(t)
    p = Params()
    sel = stages.select_events(ev, p)
    feat = stages.slot_features(sel, p)
    pairs = stages.candidate_pairs(ev, sel, feat, p)
    name = lambda i: str(ev.users[sel.kept[i]])
    got = {(name(a), name(b), int(via)) for a, b, via in zip(pairs.u, pairs.v, pairs.via)}
    phone = {tuple(sorted((a, b))) for a, b, via in got if via & stages.VIA_DEVICE}
    nat = {tuple(sorted((a, b))) for a, b, via in got if via & stages.VIA_IP}
    assert phone == {(f"p{i}", f"p{j}") for i in range(6) for j in range(i + 1, 6)}
    assert nat == {(f"q{i}", f"q{j}") for i in range(4) for j in range(i + 1, 4)}
    assert not any(via & stages.VIA_TARGET for *_, via in got)


def test_huge_bucket_links_only_users_that_agree_on_minhash():
    rng = np.random.default_rng(2)
    n = 3000
    bucket = np.zeros(n, np.int64)
    user = np.arange(n, dtype=np.int32)
    ranks = [rng.permutation(n).astype(np.int64) for _ in range(4)]  # all distinct: strangers
    for r in ranks:
        r[:40] = n + 5  # forty users with the same MinHash (acting alike)
    u, v = stages.bucket_pairs(bucket, user, cap=24, neighbours=4, orders=ranks)
    assert u.size > 0 and np.all(v < 40)  # strangers in a carrier-NAT-sized bucket: no links


def test_prune_and_groups_on_a_tiny_graph():
    e = stages.Edges(np.array([0, 1, 2, 5, 6]), np.array([1, 2, 3, 6, 7]),
                     np.ones(5, np.float32), np.full(5, 9), np.ones(5, np.int8))
    label = stages.find_groups(10, e, Params(min_group_size=4))
    assert label[0] == label[1] == label[2] == label[3] >= 0
    assert label[5] == label[6] == label[7] == -1  # only 3 members


def test_params_are_validated():
    with pytest.raises(InputError, match="similarity"):
        Params(similarity=1.5).validate()
    with pytest.raises(InputError, match="unknown parameter"):
        Params.from_dict({"windw": 3})
    assert Params.from_dict({"behaviours": "like, gift"}).behaviours == ("like", "gift")


def test_cancel_stops_similarity():
    s = generate(2000, 30_000, seed=5)
    p = Params()
    sel = stages.select_events(s.events, p)
    feat = stages.slot_features(sel, p)
    pairs = stages.candidate_pairs(s.events, sel, feat, p)
    state = BasicState()
    state.cancel()
    with pytest.raises(Cancelled):
        stages.pair_similarity(pairs, feat, state=state)


def test_weak_edges_attach_but_never_form_or_chain_groups():
    # strong ring 0-4; account 5 has two weak edges into it, account 6 one; 7-8-9 only weak
    u = np.array([0, 1, 2, 3, 0, 5, 5, 6, 7, 8])
    v = np.array([1, 2, 3, 4, 2, 0, 1, 0, 8, 9])
    strong = np.r_[np.ones(5, bool), np.zeros(5, bool)]
    sim = np.where(strong, 0.5, 0.06).astype(np.float32)
    e = stages.Edges(u, v, sim, np.full(10, 5), np.ones(10, np.int8), strong)
    label = stages.find_groups(12, e, Params(min_group_size=5))
    assert set(np.flatnonzero(label == label[0])) == {0, 1, 2, 3, 4, 5}
    assert label[6] == -1 and (label[7:10] == -1).all()
    off = stages.find_groups(12, e, Params(min_group_size=5, attach_links=0))
    assert label[5] >= 0 and off[5] == -1
    strict = stages.find_groups(12, e, Params(min_group_size=5, attach_links=3))
    assert strict[5] == -1 and (strict[:5] >= 0).all()  # weak edges present, none enough
