//! A second launch focuses the running window instead of opening a second writer of the database.
//! On Linux the single-instance plugin claims a name on the D-Bus session bus, which every desktop
//! has; the test gives the two launches one with dbus-run-session.
use archdrill_e2e::Res;
use std::process::Command;

#[test]
fn a_second_launch_hands_over_to_the_first_and_exits() -> Res {
    let dir = tempfile::tempdir()?;
    let app = std::env::var("ARCHDRILL_APP")?;
    // The first copy runs for 12 s; the second starts after 4 s and must exit 0 on its own well
    // before its 8 s limit (`timeout` would make it 124), while the first is still running.
    let script = format!(
        "timeout 12 '{app}' </dev/null >/dev/null 2>&1 & first=$!; sleep 4; \
         timeout 8 '{app}' </dev/null >/dev/null 2>&1; second=$?; \
         kill -0 $first && echo first-running; kill $first; echo second=$second"
    );
    let out = Command::new("dbus-run-session")
        .args(["--", "sh", "-c", &script])
        .env("ARCHDRILL_DATA_DIR", dir.path())
        .output()?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("first-running"), "{stdout}");
    assert!(
        stdout.contains("second=0"),
        "the second launch exits: {stdout}"
    );
    Ok(())
}
