//! The command line's words, in both languages side by side: the errors
//! `zhoubao` prints itself and the labels of `list`, `show`, `search` and
//! `export`. `--help` is clap's, built from the doc comments in cli/args.rs,
//! and stays English like the man page made from it.

use std::borrow::Cow;

use super::{Lang, Msg};
use crate::model::{Conflict, Disagreement, Metric};

/// Something the command line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmd {
    // --- errors
    /// `--demo` with a command that writes a cache.
    DemoRefused(Refused),
    /// A read command (or the TUI) with no cache yet: how to get one.
    NoCacheYet {
        path: String,
    },
    NotInCache {
        key: String,
    },
    /// `brief` without a key, and the series has no issue with text.
    NoCachedIssueOf {
        series: String,
    },
    NoHome,
    /// Context of a folder that could not be created.
    CreatingFolder {
        dir: String,
    },
    /// A file of the built-in demo corpus did not import.
    DemoFile {
        name: String,
        why: Box<Msg>,
    },
    /// `search` found nothing.
    NoHit {
        query: String,
    },
    /// `search` with nothing (or only spaces) to look for.
    EmptyQuery,
    // --- `list` chose no issue (said on stderr; stdout keeps its header)
    /// The cache holds no issue at all.
    ListNoIssue,
    /// `--flagged`, and no issue of the cache is flagged.
    ListNoneFlagged,
    /// `--since` names another series' issue than the one listed.
    SinceOfAnotherSeries {
        since: String,
        series: String,
    },
    /// The filters left no issue.
    ListNoMatch,
    /// Context of an `--output` file that could not be written.
    Writing {
        path: String,
    },
    /// `export --output`: what was written where.
    Wrote {
        issues: usize,
        path: String,
    },
    // --- labels
    /// A column of `list`.
    Col(Col),
    /// A field of `show`.
    Field(Field),
    /// A field's name before its value on the same line: `周期：`, `period: `.
    FieldLabel(Field),
    /// A field's name heading the list under it: `图表：`, `charts:`.
    FieldHeading(Field),
    /// A figure's name in `show`.
    Metric(Metric),
    Cached,
    NotCached,
    /// The STATUS of a cached issue in `list`.
    Read,
    Unread,
    /// `(not cached)` after a title.
    NotCachedNote,
    TitleUnknown,
    /// `show` of an issue known only by reference.
    ShowNotCached,
    /// `show` of an issue whose own copies all held no article text.
    ShowEmptyCopies {
        copies: usize,
    },
    FiguresUnknown,
    NoLink,
    /// After a body the archive cut short.
    BodyTruncated,
    /// A copy known only from another issue's 近期回顾 line.
    RecentLink,
    /// A lower copy that says otherwise than the issue shows: its account,
    /// date and what it says (the link goes on a line of its own).
    AnotherCopy(Conflict),
}

/// Commands `--demo` refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Import,
    Fetch,
    Reindex,
    Recover,
    Update,
    /// Setting a note (`zhoubao note KEY TEXT`).
    Note,
}

/// The columns of `zhoubao list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Issue,
    Period,
    Assessment,
    /// A figure, short enough for a column.
    Metric(Metric),
    Status,
    Title,
}

/// The fields of `zhoubao show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Period,
    Published,
    Source,
    Url,
    Assessment,
    Charts,
    Recent,
    Copies,
}

impl From<Cmd> for Msg {
    fn from(m: Cmd) -> Msg {
        Msg::Cmd(m)
    }
}

impl Cmd {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Cmd::*;
        use Lang::{En, Zh};
        match (self, lang) {
            // --- errors
            (DemoRefused(what), Zh) => {
                let what = match what {
                    Refused::Import => "导入",
                    Refused::Fetch => "获取",
                    Refused::Reindex => "重建索引",
                    Refused::Recover => "恢复",
                    Refused::Update => "更新订阅",
                    Refused::Note => "写笔记",
                };
                format!("--demo 只浏览内置的示例周报，什么也不保存；要{what}，请去掉 --demo，对缓存操作")
                    .into()
            }
            (DemoRefused(what), En) => {
                let what = match what {
                    Refused::Import => "import into",
                    Refused::Fetch => "fetch into",
                    Refused::Reindex => "reindex",
                    Refused::Recover => "recover",
                    Refused::Update => "update",
                    Refused::Note => "write notes into",
                };
                format!(
                    "--demo browses the built-in corpus and keeps nothing; {what} a cache without --demo"
                )
                .into()
            }
            (NoCacheYet { path }, Zh) => format!(
                "{path} 处还没有缓存；请先运行 `zhoubao import 路径...`（或试试 `zhoubao --demo`）"
            )
            .into(),
            (NoCacheYet { path }, En) => format!(
                "no cache at {path} yet; run `zhoubao import PATH...` first (or `zhoubao --demo`)"
            )
            .into(),
            (NotInCache { key }, Zh) => {
                format!("缓存里没有 {key}（没有文件或引用提到这一期）").into()
            }
            (NotInCache { key }, En) => {
                format!("issue {key} is not in the cache (no file or reference names it)").into()
            }
            (NoCachedIssueOf { series }, Zh) => {
                format!("缓存里还没有 {series} 系列有正文的一期：先导入，或指定期号").into()
            }
            (NoCachedIssueOf { series }, En) => format!(
                "the cache holds no issue of {series} with text yet: import one, or name a key"
            )
            .into(),
            (NoHome, Zh) => "找不到存放缓存的主目录；请用 --db 路径 指定".into(),
            (NoHome, En) => "cannot find a home directory for the cache; pass --db PATH".into(),
            (CreatingFolder { dir }, Zh) => format!("无法创建文件夹 {dir}").into(),
            (CreatingFolder { dir }, En) => format!("creating {dir}").into(),
            (DemoFile { name, why }, Zh) => format!("示例文件 {name}：{}", why.text(Zh)).into(),
            (DemoFile { name, why }, En) => format!("demo file {name}: {}", why.text(En)).into(),
            (NoHit { query }, Zh) => format!("没有标题或正文包含“{query}”的一期").into(),
            (NoHit { query }, En) => format!("no issue's title or body contains {query:?}").into(),
            (EmptyQuery, Zh) => "搜索词是空的：请给出要在标题和正文里查找的文字".into(),
            (ListNoIssue, Zh) => {
                "缓存里还没有一期：用 zhoubao import 或 zhoubao update 导入".into()
            }
            (ListNoIssue, En) => {
                "the cache holds no issue yet: zhoubao import or zhoubao update brings them".into()
            }
            (SinceOfAnotherSeries { since, series }, Zh) => {
                format!("--since {since} 是 {series} 的期号：加上 --series {series}").into()
            }
            (SinceOfAnotherSeries { since, series }, En) => {
                format!("--since {since} is an issue of {series}: add --series {series}").into()
            }
            (ListNoneFlagged, Zh) => "没有加旗标的一期：在 TUI 里按 * 给当前这期加旗标".into(),
            (ListNoneFlagged, En) => "no issue is flagged: * in the TUI flags the shown one".into(),
            (ListNoMatch, Zh) => "没有符合这些条件的一期".into(),
            (ListNoMatch, En) => "no issue matches these filters".into(),
            (EmptyQuery, En) => {
                "the search is empty: give the text to look for in titles and bodies".into()
            }
            (Writing { path }, Zh) => format!("无法写入 {path}").into(),
            (Writing { path }, En) => format!("writing {path}").into(),
            (Wrote { issues, path }, Zh) => format!("已把 {issues} 期写入 {path}").into(),
            (Wrote { issues, path }, En) => {
                format!("wrote {} to {path}", Msg::Issues(*issues).text(En)).into()
            }
            // --- labels
            (Col(c), lang) => col_text(*c, lang).into(),
            (Field(f), lang) => field_text(*f, lang).into(),
            (FieldLabel(f), Zh) => format!("{}：", field_text(*f, Zh)).into(),
            (FieldLabel(f), En) => format!("{}: ", field_text(*f, En)).into(),
            (FieldHeading(f), Zh) => format!("{}：", field_text(*f, Zh)).into(),
            (FieldHeading(f), En) => format!("{}:", field_text(*f, En)).into(),
            (Metric(m), lang) => super::metric::name(*m, lang, super::metric::Form::Words).into(),
            (Cached, Zh) => "已缓存".into(),
            (Cached, En) => "cached".into(),
            (NotCached, Zh) => "未缓存".into(),
            (NotCached, En) => "not cached".into(),
            (Read, Zh) => "已读".into(),
            (Read, En) => "read".into(),
            (Unread, Zh) => "未读".into(),
            (Unread, En) => "unread".into(),
            (NotCachedNote, Zh) => "（未缓存）".into(),
            (NotCachedNote, En) => "(not cached)".into(),
            (TitleUnknown, Zh) => "（标题不详）".into(),
            (TitleUnknown, En) => "(title unknown)".into(),
            (ShowNotCached, Zh) => "未缓存：只知道标题和周期（导入这一期才能阅读）".into(),
            (ShowNotCached, En) => {
                "not cached: only its title and period are known (import the issue to read it)"
                    .into()
            }
            (ShowEmptyCopies { copies: 1 }, Zh) => {
                "未缓存：导入的那一份没有正文（空白页面或只有标题）；\
                 zhoubao update 或 zhoubao fetch URL 可以取来有正文的一份"
                    .into()
            }
            (ShowEmptyCopies { copies }, Zh) => format!(
                "未缓存：导入的 {copies} 份都没有正文（空白页面或只有标题）；\
                 zhoubao update 或 zhoubao fetch URL 可以取来有正文的一份"
            )
            .into(),
            (ShowEmptyCopies { copies: 1 }, En) => {
                "not cached: the imported copy held no article text (an empty page or a \
                 title only); zhoubao update or zhoubao fetch URL brings one with text"
                    .into()
            }
            (ShowEmptyCopies { copies }, En) => format!(
                "not cached: the {copies} imported copies held no article text (empty pages \
                 or titles only); zhoubao update or zhoubao fetch URL brings one with text"
            )
            .into(),
            (FiguresUnknown, Zh) => "本周数据：不详（这一期未缓存）".into(),
            (FiguresUnknown, En) => "figures: not known (the issue is not cached)".into(),
            (NoLink, Zh) => "（无链接）".into(),
            (NoLink, En) => "(no link)".into(),
            (BodyTruncated, Zh) => "……（存档在此截断了正文，其后内容未知）".into(),
            (BodyTruncated, En) => {
                "... (the archive cut the article short here: the rest is unknown)".into()
            }
            (RecentLink, Zh) => "（近期回顾中的链接）".into(),
            (RecentLink, En) => "(a 近期回顾 link)".into(),
            (AnotherCopy(c), lang) => another_copy(c, lang).into(),
        }
    }

    #[cfg(test)]
    pub(super) fn samples() -> Vec<Cmd> {
        use Cmd::*;
        let mut all = vec![
            DemoRefused(Refused::Import),
            DemoRefused(Refused::Fetch),
            DemoRefused(Refused::Reindex),
            DemoRefused(Refused::Recover),
            DemoRefused(Refused::Update),
            DemoRefused(Refused::Note),
            NoCacheYet {
                path: "/tmp/c.db".into(),
            },
            NotInCache {
                key: "2024-17".into(),
            },
            NoCachedIssueOf {
                series: "cncert".into(),
            },
            NoHome,
            CreatingFolder { dir: "/x".into() },
            DemoFile {
                name: "a.md".into(),
                why: Box::new(Msg::Cmd(NoHome)),
            },
            NoHit {
                query: "跨境".into(),
            },
            EmptyQuery,
            ListNoIssue,
            ListNoneFlagged,
            SinceOfAnotherSeries {
                since: "cnvd:2025-1".into(),
                series: "cnvd".into(),
            },
            ListNoMatch,
            Writing {
                path: "/tmp/x.csv".into(),
            },
            Wrote {
                issues: 1,
                path: "/tmp/x.csv".into(),
            },
            Cached,
            NotCached,
            Read,
            Unread,
            NotCachedNote,
            TitleUnknown,
            ShowNotCached,
            ShowEmptyCopies { copies: 1 },
            ShowEmptyCopies { copies: 2 },
            FiguresUnknown,
            NoLink,
            BodyTruncated,
            RecentLink,
            AnotherCopy(Conflict {
                source: Some("网安资讯转载".into()),
                url: Some("http://127.0.0.1/p".into()),
                published: chrono::NaiveDate::from_ymd_opt(2024, 5, 6),
                says: vec![
                    Disagreement::Title("网络安全信息与动态周报２０２４年第１７期".into()),
                    Disagreement::Period(crate::model::Period {
                        start: chrono::NaiveDate::from_ymd_opt(2024, 4, 22).unwrap_or_default(),
                        end: chrono::NaiveDate::from_ymd_opt(2024, 4, 28).unwrap_or_default(),
                    }),
                    Disagreement::Published(
                        chrono::NaiveDate::from_ymd_opt(2024, 5, 5).unwrap_or_default(),
                    ),
                    Disagreement::Figure(
                        crate::model::SeriesId::CNCERT.figure("events_handled"),
                        103.into(),
                    ),
                ],
            }),
        ];
        all.extend(
            [
                self::Col::Issue,
                self::Col::Period,
                self::Col::Assessment,
                self::Col::Status,
                self::Col::Title,
            ]
            .into_iter()
            .chain(declared().map(self::Col::Metric))
            .map(Col),
        );
        all.extend(
            [
                self::Field::Period,
                self::Field::Published,
                self::Field::Source,
                self::Field::Url,
                self::Field::Assessment,
                self::Field::Charts,
                self::Field::Recent,
                self::Field::Copies,
            ]
            .into_iter()
            .flat_map(|f| [Field(f), FieldLabel(f), FieldHeading(f)]),
        );
        all.extend(declared().map(Metric));
        all
    }
}

/// Every declared figure of every series, for the samples.
#[cfg(test)]
fn declared() -> impl Iterator<Item = Metric> {
    crate::model::SeriesId::all().flat_map(|s| s.figures().iter().copied())
}

/// `另一份副本（网安资讯转载，2024-05-06）说：标题“…”；处理事件 103`:
/// what a lower copy says otherwise, each thing in the words `show` uses.
fn another_copy(c: &Conflict, lang: Lang) -> String {
    let clean = crate::sanitize::line;
    let who: Vec<String> = c
        .source
        .as_deref()
        .map(clean)
        .into_iter()
        .chain(c.published.map(|d| d.to_string()))
        .collect();
    let says: Vec<String> = c
        .says
        .iter()
        .map(|d| match (d, lang) {
            (Disagreement::Title(t), Lang::Zh) => format!("标题“{}”", clean(t)),
            (Disagreement::Title(t), Lang::En) => format!("title \"{}\"", clean(t)),
            (Disagreement::Period(p), Lang::Zh) => format!("周期 {}~{}", p.start, p.end),
            (Disagreement::Period(p), Lang::En) => format!("period {}~{}", p.start, p.end),
            (Disagreement::Published(d), Lang::Zh) => format!("发布 {d}"),
            (Disagreement::Published(d), Lang::En) => format!("published {d}"),
            (Disagreement::Figure(m, v), lang) => format!(
                "{} {}",
                super::metric::name(*m, lang, super::metric::Form::Words),
                m.show(*v)
            ),
        })
        .collect();
    match lang {
        Lang::Zh if who.is_empty() => format!("另一份副本说：{}", says.join("；")),
        Lang::Zh => format!("另一份副本（{}）说：{}", who.join("，"), says.join("；")),
        Lang::En if who.is_empty() => format!("another copy says: {}", says.join("; ")),
        Lang::En => format!(
            "another copy ({}) says: {}",
            who.join(", "),
            says.join("; ")
        ),
    }
}

fn col_text(c: Col, lang: Lang) -> &'static str {
    use Lang::{En, Zh};
    match (c, lang) {
        (Col::Issue, Zh) => "期号",
        (Col::Issue, En) => "ISSUE",
        (Col::Period, Zh) => "周期",
        (Col::Period, En) => "PERIOD",
        (Col::Assessment, Zh) => "评价",
        (Col::Assessment, En) => "GRADE",
        (Col::Metric(m), Zh) => m.info().column_zh,
        (Col::Metric(m), En) => m.info().column_en,
        (Col::Status, Zh) => "状态",
        (Col::Status, En) => "STATUS",
        (Col::Title, Zh) => "标题",
        (Col::Title, En) => "TITLE",
    }
}

fn field_text(f: Field, lang: Lang) -> &'static str {
    use Lang::{En, Zh};
    match (f, lang) {
        (Field::Period, Zh) => "周期",
        (Field::Period, En) => "period",
        (Field::Published, Zh) => "发布",
        (Field::Published, En) => "published",
        (Field::Source, Zh) => "来源",
        (Field::Source, En) => "source",
        (Field::Url, Zh) => "链接",
        (Field::Url, En) => "url",
        (Field::Assessment, Zh) => "评价",
        (Field::Assessment, En) => "assessment",
        (Field::Charts, Zh) => "图表",
        (Field::Charts, En) => "charts",
        (Field::Recent, Zh) => "近期回顾",
        (Field::Recent, En) => "近期回顾 (recent issues)",
        (Field::Copies, Zh) => "副本",
        (Field::Copies, En) => "copies",
    }
}
