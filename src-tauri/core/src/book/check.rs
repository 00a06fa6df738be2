//! Every problem with an input at once. A form shows the first one beside its field; an import
//! lists every bad cell of a row, so the owner fixes the file once instead of once per cell.

use crate::error::{Error, Result};

/// Collects the errors of one input. A field that fails gives a stand-in value (its type's
/// default) so the fields after it are still checked; rules between fields run only while
/// nothing has failed, because a stand-in would make up a clash the owner never typed.
#[derive(Debug, Default)]
pub struct Check {
    errors: Vec<Error>,
}

impl Check {
    /// The value of a field check, or a stand-in when it failed (the error is kept).
    pub fn field<T: Default>(&mut self, result: Result<T>) -> T {
        match result {
            Ok(value) => value,
            Err(e) => {
                self.errors.push(e);
                T::default()
            }
        }
    }

    /// A rule between fields ("the due date is before the issue date"), checked only when every
    /// field so far was read.
    pub fn rule(&mut self, rule: impl FnOnce() -> Result<()>) {
        if self.errors.is_empty() {
            if let Err(e) = rule() {
                self.errors.push(e);
            }
        }
    }

    /// `value` when nothing failed, else every error in the order found.
    pub fn done<T>(self, value: T) -> std::result::Result<T, Vec<Error>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }

    /// `value`, or the first error: what a form shows beside its field.
    pub fn first<T>(self, value: T) -> Result<T> {
        self.done(value).map_err(|errors| errors.into_iter().next().unwrap_or_else(|| Error::internal("A check failed without saying why.")))
    }
}

impl From<Error> for Vec<Error> {
    fn from(e: Error) -> Self {
        vec![e]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_checked_and_rules_only_on_read_fields() {
        let mut c = Check::default();
        let a: i64 = c.field(Err(Error::validation("a", "a is bad")));
        let b: String = c.field(Ok("fine".to_owned()));
        let d: i64 = c.field(Err(Error::validation("d", "d is bad")));
        c.rule(|| Err(Error::validation("rule", "made up from stand-ins")));
        assert_eq!((a, b.as_str(), d), (0, "fine", 0));
        let fields: Vec<_> = c.done(()).unwrap_err().into_iter().map(|e| e.field.unwrap_or_default()).collect();
        assert_eq!(fields, ["a", "d"]);

        let mut clean = Check::default();
        clean.rule(|| Err(Error::validation("rule", "a real clash")));
        assert_eq!(clean.first(()).unwrap_err().field.as_deref(), Some("rule"));
    }
}
