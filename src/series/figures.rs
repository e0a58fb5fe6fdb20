//! One issue's figures as data: each known figure and its value, in the
//! declaration order of their series. A figure that is not there is
//! unknown, never 0.

use super::{Metric, Value};

/// The figures an issue (or one copy of it) states.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Figures {
    /// Sorted by figure, one entry each.
    items: Vec<(Metric, Value)>,
}

impl Figures {
    pub fn new() -> Figures {
        Figures::default()
    }

    pub fn get(&self, m: Metric) -> Option<Value> {
        // A few dozen entries at most: a scan beats a search.
        self.items.iter().find(|(k, _)| *k == m).map(|(_, v)| *v)
    }

    /// Sets or (with None) removes `m`.
    pub fn set(&mut self, m: Metric, v: Option<Value>) {
        let at = self.items.binary_search_by_key(&m, |(k, _)| *k);
        match (at, v) {
            (Ok(i), Some(v)) => self.items[i].1 = v,
            (Ok(i), None) => {
                self.items.remove(i);
            }
            (Err(i), Some(v)) => self.items.insert(i, (m, v)),
            (Err(_), None) => {}
        }
    }

    /// [`Figures::set`] for a count.
    pub fn set_count(&mut self, m: Metric, n: Option<i64>) {
        self.set(m, n.map(Value::count));
    }

    /// The figure's value as a whole count, None when unknown or a decimal.
    pub fn count(&self, m: Metric) -> Option<i64> {
        self.get(m).and_then(Value::as_count)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Every known figure, in declaration order (names met in a family's
    /// list after the declared ones).
    pub fn iter(&self) -> impl Iterator<Item = (Metric, Value)> + '_ {
        self.items.iter().copied()
    }

    /// `series`' headline figures as counts, in declaration order (None
    /// for an unknown one): how the generator and the tests write the
    /// five figures of 网络安全信息与动态周报.
    pub fn headline(series: super::SeriesId, counts: &[Option<i64>]) -> Figures {
        let mut f = Figures::default();
        for (m, v) in series.headline().iter().zip(counts) {
            f.set_count(*m, *v);
        }
        f
    }

    /// Every figure of `other` that this one lacks is added.
    pub fn fill_from(&mut self, other: &Figures) {
        for (m, v) in other.iter() {
            if self.get(m).is_none() {
                self.set(m, Some(v));
            }
        }
    }
}

impl FromIterator<(Metric, Value)> for Figures {
    fn from_iter<I: IntoIterator<Item = (Metric, Value)>>(iter: I) -> Figures {
        let mut f = Figures::default();
        for (m, v) in iter {
            f.set(m, Some(v));
        }
        f
    }
}

/// A JSON object from figure id to number, in declaration order.
impl serde::Serialize for Figures {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.items.len()))?;
        for (m, v) in &self.items {
            map.serialize_entry(m.id(), v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::SeriesId;

    #[test]
    fn figures_keep_declaration_order_and_forget_what_is_unset() {
        let s = SeriesId::CNCERT;
        let [a, b, ..] = s.headline() else { panic!() };
        let mut f = Figures::new();
        f.set_count(*b, Some(2));
        f.set_count(*a, Some(1));
        assert_eq!(f.iter().map(|(m, _)| m).collect::<Vec<_>>(), [*a, *b]);
        assert_eq!(f.count(*a), Some(1));
        f.set(*a, None);
        assert_eq!(f.get(*a), None);
        assert_eq!(f.len(), 1);
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            format!("{{\"{}\":2}}", b.id())
        );
    }
}
