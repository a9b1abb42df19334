//! The learner's interview plan behind the app handle: the date, the level and the topics they
//! prepare for, the pace the study engine plans from them (`archdrill_study::plan_forecast`), and
//! the sentence Home shows. Dates cross to the UI as `YYYY-MM-DD` strings of the learner's local
//! calendar (specta exports no i64); "today" depends on their offset from UTC, as in `study.rs`.
use crate::Archdrill;
use archdrill_domain::{AppError, Level, Topic};
use archdrill_study::{
    date_string, parse_date, plan_forecast, save_plan, InterviewPlan, Now, PlanForecast,
};
use serde::{Deserialize, Serialize};
use specta::Type;

pub use archdrill_study::PlanStatus;

/// The plan as the learner edits it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PlanInput {
    /// `YYYY-MM-DD`, today or later; `null` for no date.
    pub interview_date: Option<String>,
    /// The level to prepare first; `null` for both.
    pub level: Option<Level>,
    /// The topics that matter; empty for all.
    pub topics: Vec<Topic>,
    /// Whether the learner answered the first-start question (saving or skipping both set it).
    pub decided: bool,
}

/// The plan and where the learner stands against it, for Home and Settings.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PlanView {
    pub plan: PlanInput,
    pub status: PlanStatus,
    /// One line for Home, e.g. "3 new a day more to have all 212 senior cards in by 1 January".
    pub sentence: String,
    /// The learner's local today (`YYYY-MM-DD`): the earliest date the plan accepts.
    pub today: String,
    /// New cards allowed today, those already introduced included: the plan's when it needs more
    /// than the learner's own limit.
    pub new_today: u32,
    /// The learner's own new-cards-a-day limit (Settings).
    pub new_per_day: u32,
    /// New cards a day the plan asks for (0 without an active date or when done).
    pub needed_per_day: u32,
    /// The last day to introduce a card so it is ready the day before the interview.
    pub last_intro_date: Option<String>,
    /// When the learner's own limit has every wanted card introduced (`null`: never, limit 0).
    pub finish_date: Option<String>,
    /// Days from introducing a card to the review that makes it ready, under the learner's weights.
    pub lead_days: u32,
    /// Cards the plan wants (its level and topics), and those of them never seen.
    pub wanted_total: u32,
    pub wanted_new: u32,
    /// Wanted cards ready now, and those that will be by the day before the interview if rated
    /// Good whenever due.
    pub ready_now: u32,
    pub ready_by_day: u32,
}

impl Archdrill {
    /// The stored plan and today's figures.
    pub fn interview_plan(&self, utc_offset_min: i32) -> Result<PlanView, AppError> {
        let now = Now::new(self.now_ms(), utc_offset_min);
        let forecast = plan_forecast(&self.store(), self.deck(), now)?;
        Ok(view(forecast))
    }

    /// Checks and stores the plan, then returns the figures under it. The date must be today or
    /// later (`interviewDate`), and the level and topics must leave at least one card to plan for
    /// (`topics`).
    pub fn save_interview_plan(
        &self,
        input: &PlanInput,
        utc_offset_min: i32,
    ) -> Result<PlanView, AppError> {
        let now = Now::new(self.now_ms(), utc_offset_min);
        let plan = self.checked_plan(input, now.day())?;
        save_plan(&mut self.store(), &plan)?;
        self.interview_plan(utc_offset_min)
    }

    fn checked_plan(&self, input: &PlanInput, today: i64) -> Result<InterviewPlan, AppError> {
        let day = match input.interview_date.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(parse_date("interviewDate", s)?),
        };
        if let Some(d) = day.filter(|&d| d < today) {
            return Err(AppError::invalid(
                "interviewDate",
                format!(
                    "{} is in the past: pick today ({}) or a later day",
                    date_string(d),
                    date_string(today)
                ),
            ));
        }
        let plan = InterviewPlan {
            day,
            level: input.level,
            topics: input.topics.clone(),
            decided: input.decided,
        };
        let any = self
            .bank
            .questions()
            .iter()
            .any(|q| plan.wants(q.level, q.topic));
        if !any {
            return Err(AppError::invalid(
                "topics",
                "no question of this level in the chosen topics: pick more topics or both levels",
            ));
        }
        Ok(plan)
    }
}

fn view(f: PlanForecast) -> PlanView {
    let date = |d: Option<i64>| d.map(date_string);
    let sentence = sentence(&f);
    PlanView {
        plan: PlanInput {
            interview_date: date(f.plan.day),
            level: f.plan.level,
            topics: f.plan.topics.clone(),
            decided: f.plan.decided,
        },
        status: f.pace.status,
        sentence,
        today: date_string(f.today),
        new_today: f.pace.new_today,
        new_per_day: f.new_per_day,
        needed_per_day: f.pace.needed_per_day,
        last_intro_date: date(f.pace.last_intro_day),
        finish_date: date(f.pace.finish_day),
        lead_days: u32::try_from(f.lead_days.max(0)).unwrap_or(u32::MAX),
        wanted_total: f.wanted_total,
        wanted_new: f.wanted_new,
        ready_now: f.ready_now,
        ready_by_day: f.ready_by_day,
    }
}

/// Home's line about the plan.
fn sentence(f: &PlanForecast) -> String {
    let day = f.plan.day.unwrap_or(f.today);
    let on = long_date(day, f.today);
    let cards = |n: u32| {
        let level = f.plan.level.map_or("", |l| match l {
            Level::Mid => "mid-level ",
            Level::Senior => "senior ",
        });
        format!("{n} {level}card{}", if n == 1 { "" } else { "s" })
    };
    let by = |d: Option<i64>| d.map_or_else(|| on.clone(), |d| long_date(d, f.today));
    match f.pace.status {
        PlanStatus::NoDate => format!(
            "No interview date set: {} new cards a day, as in Settings.",
            f.new_per_day
        ),
        PlanStatus::Passed => {
            format!("Your interview date, {on}, has passed: set a new one in Settings.")
        }
        PlanStatus::Done => format!(
            "All {} introduced: {} of them ready for {on} if you keep up the reviews.",
            cards(f.wanted_total),
            f.ready_by_day
        ),
        PlanStatus::OnTrack => format!(
            "On track: all {} introduced by {}, ready for {on}.",
            cards(f.wanted_new),
            by(f.pace.finish_day)
        ),
        PlanStatus::Behind { more_per_day } => format!(
            "{more_per_day} new a day more ({} in all) to have all {} in by {}, ready for {on}.",
            f.pace.needed_per_day,
            cards(f.wanted_new),
            by(f.pace.last_intro_day)
        ),
        PlanStatus::TooLate if day == f.today => {
            "Your interview is today: review what is due, and good luck.".to_string()
        }
        PlanStatus::TooLate => format!(
            "Too little time for every card to settle by {on}: {} new a day brings the last {} in before it.",
            f.pace.needed_per_day,
            cards(f.wanted_new)
        ),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "14 January", with the year when it is not this year's: "14 January 2027".
fn long_date(day: i64, today: i64) -> String {
    let s = date_string(day);
    let (y, rest) = s.split_at(4);
    let month: usize = rest[1..3].parse().unwrap_or(1);
    let dom: u32 = rest[4..6].parse().unwrap_or(1);
    let name = MONTHS[month.clamp(1, 12) - 1];
    if date_string(today).starts_with(y) {
        format!("{dom} {name}")
    } else {
        format!("{dom} {name} {y}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_drop_this_years_year() {
        let today = parse_date("d", "2026-12-04").unwrap();
        assert_eq!(
            long_date(parse_date("d", "2026-12-25").unwrap(), today),
            "25 December"
        );
        assert_eq!(
            long_date(parse_date("d", "2027-01-14").unwrap(), today),
            "14 January 2027"
        );
    }
}
