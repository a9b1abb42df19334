//! Every type the UI receives or sends exports to TypeScript (specta rejects 64-bit integers, which
//! JavaScript numbers cannot hold) with camelCase fields.
use archdrill_study::*;
use specta::Types;
use specta_typescript::Typescript;

#[test]
fn ui_types_export_to_typescript_in_camel_case() {
    let types = Types::default()
        .register::<StudySettings>()
        .register::<ReviewInput>()
        .register::<ReviewOutcome>()
        .register::<CardStatus>()
        .register::<NextIntervals>()
        .register::<IntervalChoice>()
        .register::<Rating>()
        .register::<UndoOutcome>()
        .register::<RebuildReport>()
        .register::<CardRef>()
        .register::<TodayQueue>()
        .register::<Dashboard>()
        .register::<OptimizeReport>()
        .register::<Mock>()
        .register::<MockSummary>()
        .register::<MockCandidate>()
        .register::<MockSettings>();
    let ts = Typescript::default()
        .export(&types, specta_serde::Format)
        .expect("every UI type exports");
    for field in [
        "desiredRetention",
        "maxReviewsPerDay",
        "pointsTotal",
        "intervalDays",
        "newAvailable",
        "doneToday",
        "streakDays",
        "reviewsPerDay",
        "weakestTopics",
        "logLoss",
        "rmseBins",
        "minutesPerAnswer",
        "secondsUsed",
        "finishedAt",
    ] {
        assert!(ts.contains(field), "{field} missing from:\n{ts}");
    }
    assert!(!ts.contains("bigint"), "{ts}");
    // Doc comments carry over to TypeScript; the code lines must have no snake_case names.
    let code = ts.lines().filter(|l| {
        let t = l.trim_start();
        !(t.starts_with("/*") || t.starts_with('*') || t.starts_with("//"))
    });
    for line in code {
        assert!(!line.contains('_'), "snake_case leaked: {line}");
    }
}
