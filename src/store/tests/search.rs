//! Search in the cache: two-character Chinese in body and title, a
//! search narrowed to candidates, and one bounded to a key range.

use super::*;

#[test]
fn search_finds_two_character_chinese_in_body_and_title() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &full(17), "full");
    assert_eq!(s.search("跨境").unwrap(), vec![key(17)]);
    assert_eq!(s.search("第16期").unwrap(), vec![key(16)]);
    assert!(s.search("不存在的词").unwrap().is_empty());
    assert!(
        s.search("100%").unwrap().is_empty(),
        "LIKE wildcards are literal"
    );
}

#[test]
fn search_within_checks_only_the_candidates_and_keeps_their_order() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &full(17), "full");
    let mut other = full(18);
    other.url = None;
    other.article = None;
    other.urls = Vec::new();
    import(&mut s, &other, "other");
    let everything = s.search("周报").unwrap();
    assert!(
        everything.len() >= 3,
        "17, 18 and the referenced 16: {everything:?}"
    );
    let oldest_first: Vec<IssueKey> = everything.iter().rev().copied().collect();
    assert_eq!(
        s.search_within("周报", &oldest_first).unwrap(),
        oldest_first
    );
    assert_eq!(
        s.search_within("周报", &[key(18), key(99)]).unwrap(),
        vec![key(18)],
        "an issue the cache does not know is no hit"
    );
    assert_eq!(
        s.search_within("第16期", &[key(17), key(16)]).unwrap(),
        vec![key(16)]
    );
    assert!(s.search_within("100%", &everything).unwrap().is_empty());
    assert!(s.search_within("  ", &everything).unwrap().is_empty());
}

#[test]
fn search_between_is_the_slice_of_a_full_search_in_that_key_range() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &full(17), "full");
    let mut other = full(18);
    other.url = None;
    other.article = None;
    other.urls = Vec::new();
    import(&mut s, &other, "other");
    let everything = s.search("周报").unwrap();
    assert_eq!(
        s.search_between("周报", key(18), key(1)).unwrap(),
        everything
    );
    let middle: Vec<IssueKey> = everything
        .iter()
        .copied()
        .filter(|k| *k <= key(17) && *k >= key(16))
        .collect();
    assert_eq!(middle, vec![key(17), key(16)]);
    assert_eq!(s.search_between("周报", key(17), key(16)).unwrap(), middle);
    assert_eq!(
        s.search_between("第16期", key(18), key(17)).unwrap(),
        Vec::<IssueKey>::new()
    );
    assert!(s.search_between(" ", key(18), key(1)).unwrap().is_empty());
}
