"""Document-frequency limits, hubs, pair counting, near-copy groups."""
from __future__ import annotations

import numpy as np

from synopsis.scan.candidates import Limits, count_pairs, pair_code, pairs_from_postings, split_code
from synopsis.scan.groups import UnionFind, earliest_of_groups, exact_pairs, star_pairs
from synopsis.scan.hashing import U64


def _rows(postings: dict[int, list[int]], kind: int = 0, outlets: dict[int, int] | None = None):
    keys = np.array([k for k, docs in postings.items() for _ in docs], dtype=U64)
    docs = np.array([d for docs in postings.values() for d in docs], dtype=np.int64)
    outlet = np.array([(outlets or {}).get(d, 0) for d in docs.tolist()], dtype=U64)
    return keys, docs, np.full(len(keys), kind, dtype=np.int8), outlet, np.zeros(len(keys), dtype=np.int16)


def test_frequency_tiers_single_all_pairs_hub_star_and_boilerplate():
    postings = {1: [5], 2: [3, 1, 2], 3: list(range(10, 16)), 4: list(range(20, 40))}
    (codes, owners, _), stats = pairs_from_postings([_rows(postings)], Limits(max_df=3, boilerplate_df=10))
    pairs = set(zip(*(x.tolist() for x in split_code(codes))))
    assert {(1, 2), (1, 3), (2, 3)} <= pairs                       # df 3: every pair
    assert {(10, d) for d in range(11, 16)} <= pairs                # hub: star to the first
    assert (11, 12) not in pairs
    assert not any(a >= 20 for a, _ in pairs)                       # boilerplate: dropped
    assert stats == {"keys": 4, "singletons": 1, "paired": 1, "hubs": 1, "boilerplate": 1, "house": 0}
    assert len(codes) == 3 + 5


def test_a_key_only_one_outlet_uses_is_its_template():
    outlets = {d: 7 for d in range(10, 20)} | {20: 7, 21: 8}
    postings = {1: list(range(10, 17)), 2: [20, 21, 10, 11, 12, 13, 14], 3: [10, 11]}
    (codes, _, _), stats = pairs_from_postings([_rows(postings, outlets=outlets)], Limits(house_df=5))
    pairs = set(zip(*(x.tolist() for x in split_code(codes))))
    assert stats["house"] == 1 and (10, 21) in pairs and (10, 11) in pairs and (15, 16) not in pairs


def test_a_pair_needs_enough_shared_keys_of_one_generator_from_enough_places():
    one_two, one_three, one_four = (pair_code(np.array([1]), np.array([b]))[0] for b in (2, 3, 4))
    codes = np.array([one_two] * 3 + [one_three] * 2 + [one_four] * 3, dtype=U64)
    owners = np.array([0, 0, 1, 0, 1, 1, 1, 1], dtype=np.int8)
    places = np.array([0, 0, 0, 0, 0, 5, 5, 6], dtype=np.int16)
    kept, shared = count_pairs([(codes, owners, places)], (2, 3), (1, 2))
    assert split_code(kept)[1].tolist() == [2, 4]
    assert shared.tolist() == [[2, 1], [0, 3]]
    kept, _ = count_pairs([(codes, owners, places)], (2, 3), (1, 3))
    assert split_code(kept)[1].tolist() == [2]


def test_groups_and_their_earliest_member():
    groups = UnionFind(6)
    groups.union_all(np.array([4, 1]), np.array([5, 4]))
    labels = groups.labels()
    assert labels[1] == labels[4] == labels[5] != labels[0]
    dates = np.array(["2024-01-05", "2024-01-09", "x", "x", "2024-01-02", "\uffff"])
    first = earliest_of_groups(labels, dates)
    assert first[[1, 4, 5]].tolist() == [4, 4, 4] and first[0] == 0


def test_exact_copies_and_band_stars():
    exact = np.array([7, 8, 7, 7, 9], dtype=U64)
    empty = np.array([False, False, False, True, False])
    first, later = exact_pairs(exact, empty)
    assert list(zip(first.tolist(), later.tolist())) == [(0, 2)]
    assert sorted(zip(*(x.tolist() for x in split_code(star_pairs([_rows({11: [4, 2, 9]})]))))) == [(2, 4), (2, 9)]


def _reference_candidates(postings: list[tuple[int, int, list[int], list[int]]], limits: Limits,
                          min_shared: tuple[int, ...], min_places: tuple[int, ...]) -> dict[tuple[int, int], list[int]]:
    """Candidate pairs counted by plain Python from (key, generator, articles, places) postings:
    every pair of a key's articles up to ``max_df``, a hub's first article with each other one,
    nothing past ``boilerplate_df``; the place is the first article's."""
    shared: dict[tuple[int, int, int], int] = {}
    spots: dict[tuple[int, int, int], set] = {}
    for _key, kind, docs, places in postings:
        ordered = sorted(zip(docs, places))
        if len(ordered) > limits.boilerplate_df or len(ordered) < 2:
            continue
        if len(ordered) > limits.max_df:
            pairs = [(ordered[0], other) for other in ordered[1:]]
        else:
            pairs = [(x, y) for i, x in enumerate(ordered) for y in ordered[i + 1:]]
        for (a, place), (b, _) in pairs:
            shared[a, b, kind] = shared.get((a, b, kind), 0) + 1
            spots.setdefault((a, b, kind), set()).add(place)
    kept = {(a, b) for (a, b, g), n in shared.items() if n >= min_shared[g] and len(spots[a, b, g]) >= min_places[g]}
    return {(a, b): [shared.get((a, b, g), 0) for g in range(len(min_shared))] for a, b in kept}


def test_counting_equals_a_plain_count_on_a_corpus_with_hubs():
    from synopsis.scan.candidates import bucket_pairs, bucket_rows, concat_rows, pairs_from_sorted, sorted_rows
    rng = np.random.default_rng(7)
    limits, min_shared, min_places = Limits(max_df=6, boilerplate_df=25), (2, 3), (1, 2)
    postings, key = [], 0
    for kind in (0, 1):
        for _ in range(400):       # most keys in a few of 60 articles, some hubs, a few past boilerplate
            df = int(rng.choice([1, 2, 3, 4, 6, 7, 12, 26], p=[.2, .3, .2, .1, .08, .06, .04, .02]))
            docs = rng.choice(60, size=df, replace=False).tolist()
            postings.append((key, kind, docs, rng.integers(0, 3, size=df).tolist()))
            key += 1
    expected = _reference_candidates(postings, limits, min_shared, min_places)
    rows = [(np.full(len(d), k, dtype=U64), np.array(d, dtype=np.int64), np.full(len(d), g, dtype=np.int8),
             np.zeros(len(d), dtype=U64), np.array(p, dtype=np.int16)) for k, g, d, p in postings]
    buckets, found = 3, {}
    pair_parts = []
    for part in bucket_rows(concat_rows(rows), buckets):
        pairs, stats = pairs_from_sorted(sorted_rows([part]), limits)
        pair_parts.append(bucket_pairs(pairs, buckets))
    for b in range(buckets):
        kept, shared = count_pairs([p[b] for p in pair_parts], min_shared, min_places)
        assert np.all(np.diff(kept.astype(np.float64)) > 0)
        for (a, c), counts in zip(zip(*(x.tolist() for x in split_code(kept))), shared.tolist()):
            found[a, c] = counts
    assert found == expected
    assert len(expected) > 20 and any(v[1] >= 3 for v in expected.values())
