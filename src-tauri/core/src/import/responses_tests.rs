//! Survey tools' response files: every answer kept with its respondent (by email, in any case,
//! or by their client's domain), blanks never read as 0, strangers left out and counted.

use super::calendar_tests::{fixture, fixture_book};
use super::*;
use crate::book::survey::SurveyKind;

fn import_file(store: &mut crate::store::Store, name: &str) -> ImportReport {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    import(store, ImportKind::SurveyAnswers, name, &fixture(name), ImportOptions::usual(DateOrder::DayFirst), true, today).unwrap()
}

/// Each client's scores of one kind, oldest first.
fn scores(store: &crate::store::Store, client: &str, kind: SurveyKind) -> Vec<i64> {
    let book = store.book().unwrap();
    let d = book.iter().find(|d| d.client.name == client).unwrap();
    let mut answers: Vec<_> = d.survey_answers.iter().filter(|a| a.kind == kind).map(|a| (a.answered_on, a.score)).collect();
    answers.sort();
    answers.into_iter().map(|(_, s)| s).collect()
}

#[test]
fn typeform_google_forms_and_tally_responses_become_answers_as_the_fixtures_say() {
    let (_d, mut store) = fixture_book();
    // SOURCES.md §11: 6 responses, 5 matched; NPS 5 answers, CSAT 4 (Claire left it blank).
    let typeform = import_file(&mut store, "typeform-responses.csv");
    assert!(typeform.committed, "{:?}", typeform.errors);
    assert_eq!((typeform.source, typeform.kind, typeform.created), (Source::Typeform, ImportKind::SurveyAnswers, 9));
    assert_eq!(typeform.skipped.iter().map(|s| s.count).sum::<u32>(), 1, "someone@gmail.com: {:?}", typeform.skipped);
    assert_eq!(scores(&store, "Harbour Bakery", SurveyKind::Nps), [7, 9, 10], "two on 5 October (7 and 9), then 10");
    assert_eq!(scores(&store, "École Lumière", SurveyKind::Csat), Vec::<i64>::new(), "a blank answer is no answer");
    let book = store.book().unwrap();
    let harbour = book.iter().find(|d| d.client.name == "Harbour Bakery").unwrap();
    let november = harbour.survey_answers.iter().find(|a| a.answered_on.to_string() == "2026-11-03" && a.kind == SurveyKind::Nps).unwrap();
    assert_eq!(november.comment, "The photo shoot day was brilliant, more of that");
    assert_eq!(harbour.person_name(november.stakeholder_id), Some("Ana Ribeiro"));
    drop(book);

    // §12: Marc Petit is not in the book, but his domain is École Lumière's; Tom's NPS is blank.
    let forms = import_file(&mut store, "google-forms-responses.csv");
    assert!(forms.committed, "{:?}", forms.errors);
    assert_eq!((forms.source, forms.created), (Source::GoogleForms, 9));
    assert_eq!(scores(&store, "École Lumière", SurveyKind::Nps), [6, 7, 5]);

    // §13: Tom's address in capitals is still Tom; Piotr answered twice; Ana's CES is blank.
    let tally = import_file(&mut store, "tally-responses.csv");
    assert!(tally.committed, "{:?}", tally.errors);
    assert_eq!((tally.source, tally.created), (Source::Tally, 14));
    assert_eq!(scores(&store, "Café Łódź", SurveyKind::Ces), [4, 5]);
    assert_eq!(scores(&store, "Harbour Bakery", SurveyKind::Ces), [6]);

    let again = import_file(&mut store, "tally-responses.csv");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 14), "the same file twice adds nothing");
}

#[test]
fn a_response_file_without_emails_is_refused_with_what_to_do() {
    let (_d, mut store) = fixture_book();
    let text = "Timestamp,How likely are you to recommend us?\n2026/10/20 9:41:03 AM GMT+1,9\n";
    let err = import(&mut store, ImportKind::SurveyAnswers, "forms.csv", text.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("file"));
    assert!(err.message.contains("respondent's email"), "{}", err.message);
}

#[test]
fn a_response_file_with_one_score_out_of_range_imports_nothing_and_names_its_row() {
    let (_d, mut store) = fixture_book();
    let text = String::from_utf8(fixture("tally-responses.csv")).unwrap().replacen("piotr@cafelodz.pl,6,3,4,", "piotr@cafelodz.pl,11,3,4,", 1);
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let report = import(&mut store, ImportKind::SurveyAnswers, "tally.csv", text.as_bytes(), ImportOptions::usual(DateOrder::DayFirst), true, today).unwrap();
    assert!(!report.committed);
    assert_eq!(report.errors.iter().map(|e| (e.row, e.column.as_deref())).collect::<Vec<_>>(), [(4, Some("score"))], "{:?}", report.errors);
    assert!(store.book().unwrap().iter().all(|d| d.survey_answers.is_empty()), "nothing written");
}
