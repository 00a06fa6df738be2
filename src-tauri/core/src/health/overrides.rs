//! Applying the owner's overrides (`book::overrides`) to measured signals.

use chrono::NaiveDate;

use super::SignalScore;
use crate::book::overrides::HealthOverride;

/// The measured signal, or the owner's override of it while one is in force on `as_of`.
pub fn apply(measured: SignalScore, overrides: &[HealthOverride], as_of: NaiveDate) -> SignalScore {
    let active = overrides.iter().filter(|o| o.signal == measured.signal && o.set_on <= as_of && as_of < o.expires_on).max_by_key(|o| o.id);
    match active {
        None => measured,
        Some(o) => SignalScore {
            score: Some(o.score),
            reason: format!("Set by you until {}: {} (measured: {})", o.expires_on.format("%-d %b %Y"), o.reason.trim_end_matches('.'), measured.reason),
            overridden: true,
            ..measured
        },
    }
}
