//! Notes, bookmarks and settings persist in the file across re-opening.
use archdrill_store::Store;

#[test]
fn notes_bookmarks_and_settings_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open_in(dir.path()).unwrap();
        store.save_note("q1", "first", 1).unwrap();
        store.save_note("q1", "second", 2).unwrap();
        store.save_note("q2", "temp", 3).unwrap();
        store.save_note("q2", "   ", 4).unwrap(); // blank deletes
        store.set_bookmark("q1", true, 5).unwrap();
        store.set_bookmark("q1", true, 6).unwrap(); // idempotent
        store.set_bookmark("q3", true, 7).unwrap();
        store.set_bookmark("q3", false, 8).unwrap();
        store.set_setting("theme", "light").unwrap();
        store.set_setting("theme", "dark").unwrap();
    }
    let store = Store::open_in(dir.path()).unwrap();
    let note = store.note("q1").unwrap().unwrap();
    assert_eq!((note.body.as_str(), note.updated_at), ("second", 2));
    assert!(store.note("q2").unwrap().is_none());
    assert!(store.is_bookmarked("q1").unwrap());
    assert!(!store.is_bookmarked("q3").unwrap());
    assert_eq!(store.bookmarked_ids().unwrap().len(), 1);
    assert_eq!(store.noted_ids().unwrap().len(), 1);
    assert_eq!(store.setting("theme").unwrap().as_deref(), Some("dark"));
    assert_eq!(store.setting("missing").unwrap(), None);
}

#[test]
fn an_unwritable_location_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    assert!(Store::open_in(&file.join("sub")).is_err());
}
