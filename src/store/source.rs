//! A parsed file as the cache will store it: hash, strength, claims and
//! texts, all worked out from the bulletin before the writer gets it, so
//! the import can do this on its parsing threads and leave the one writer
//! only the SQLite work.

use sha2::{Digest, Sha256};

use super::merge::{self, Claim, Rank, Strength};
use super::provenance::is_publisher;
use crate::model::{ArticleId, Bulletin, Completeness, IssueKey, RecentRef};
use crate::parse::article_id;

/// One file, ready to store.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub(super) label: String,
    pub(super) raw: Vec<u8>,
    pub(super) format: &'static str,
    pub(super) said: Said,
}

/// What one source says, whatever its bytes: what `reindex` re-derives.
#[derive(Debug, Clone)]
pub(super) struct Said {
    pub key: IssueKey,
    pub stub: bool,
    pub strength: Strength,
    /// The source's own claim first, then one for each 近期回顾 line that
    /// names an issue, in the order of the lines.
    pub claims: Vec<NewClaim>,
    /// None when the copy holds no body, images or 近期回顾 (it then
    /// never replaces the ones shown).
    pub text: Option<Text>,
}

/// One claim a source makes, with the article identity its URL names.
#[derive(Debug, Clone)]
pub(super) struct NewClaim {
    pub key: IssueKey,
    pub claim: Claim,
    pub article: Option<ArticleId>,
}

/// The parts of an issue that come whole from its strongest copy.
#[derive(Debug, Clone)]
pub(super) struct Text {
    /// Paragraphs and image addresses as the cache stores them.
    pub body: String,
    pub images: String,
    pub recent: Vec<RecentRef>,
    /// The archive cut the body short.
    pub truncated: bool,
}

impl SourceFile {
    /// `label` names the file in the cache (its path).
    pub fn new(label: String, raw: Vec<u8>, bulletin: Bulletin) -> SourceFile {
        let sha256 = hex_sha256(&raw);
        let format = bulletin.format.as_str();
        let said = Said::of(bulletin, sha256, &label);
        SourceFile {
            label,
            format,
            said,
            raw,
        }
    }

    /// The issue the file is a copy of.
    pub fn key(&self) -> IssueKey {
        self.said.key
    }

    /// How many bytes the file has.
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    pub(super) fn sha256(&self) -> &str {
        &self.said.strength.sha256
    }
}

impl Said {
    /// What the bulletin `b` says, read from the file stored under `label`
    /// (its path, or the address it was read from: see provenance.rs).
    pub fn of(b: Bulletin, sha256: String, label: &str) -> Said {
        let biz = b.article.as_ref().map(|a| a.biz.as_str());
        let strength = Strength {
            rank: Rank::of(&b) as i64,
            publisher: is_publisher(b.key.series, biz, Some(label)),
            richness: merge::richness(&b),
            sha256,
        };
        let mut claims = Vec::with_capacity(1 + b.recent.len());
        claims.push(NewClaim {
            key: b.key,
            claim: Claim {
                strength: strength.clone(),
                title: Some(b.title),
                last_number: b.last_number,
                period: b.period,
                published: b.published,
                source: b.source,
                url: b.url,
                assessment: b.assessment,
                figures: b.figures,
            },
            article: b.article,
        });
        for r in &b.recent {
            let Some(key) = r.key else { continue };
            let article = r.url.as_deref().and_then(article_id);
            // A link to the publisher's article says whose it is.
            let publisher = is_publisher(
                key.series,
                article.as_ref().map(|a| a.biz.as_str()),
                Some(label),
            );
            claims.push(NewClaim {
                key,
                claim: Claim {
                    strength: Strength {
                        rank: Rank::Reference as i64,
                        publisher,
                        richness: 0,
                        sha256: strength.sha256.clone(),
                    },
                    title: Some(r.title.clone()),
                    period: r.period,
                    url: r.url.clone(),
                    source: publisher.then(|| key.series.decl().publisher.account.to_string()),
                    ..Claim::default()
                },
                article,
            });
        }
        let has_text = !(b.body.is_empty() && b.images.is_empty() && b.recent.is_empty());
        Said {
            key: b.key,
            stub: b.completeness == Completeness::Stub,
            text: has_text.then(|| Text {
                body: super::text_lines::join(&b.body),
                images: super::text_lines::join(&b.images),
                recent: b.recent,
                truncated: b.truncated,
            }),
            strength,
            claims,
        }
    }
}

pub fn hex_sha256(raw: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(raw);
    let mut hex = String::with_capacity(64);
    for b in digest {
        hex.push(HEX[usize::from(b >> 4)] as char);
        hex.push(HEX[usize::from(b & 15)] as char);
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_the_lowercase_hex_sha256_of_the_bytes() {
        assert_eq!(
            hex_sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
