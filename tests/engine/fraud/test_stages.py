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


def test_device_sharing_links_users_even_without_common_targets():
    s = generate(3000, 40_000, seed=6)
    ev = s.events
    p = Params()
    sel = stages.select_events(ev, p)
    feat = stages.slot_features(sel, p)
    pairs = stages.candidate_pairs(ev, sel, feat, p)
    dev_pairs = pairs.via & stages.VIA_DEVICE
    assert dev_pairs.any()
    # every device pair really shares a device
    users_of = {}
    lu = sel.local[ev.user]
    for d, u in zip(ev.device[lu >= 0], lu[lu >= 0]):
        users_of.setdefault(int(u), set()).add(int(d))
    idx = np.flatnonzero(dev_pairs)[:200]
    assert all(users_of[int(pairs.u[i])] & users_of[int(pairs.v[i])] for i in idx)


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
