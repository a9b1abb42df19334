//! `archdrill`: the headless command line, for content authors and CI.
use std::process::ExitCode;

mod anki_cmd;
mod backup_cmds;
mod check;
mod cover_cmd;
mod diagram_cmds;
mod exchange_cmds;

const USAGE: &str = "\
usage: archdrill <command> [args]

commands:
  check [PACK_DIR]   validate the question bank and diagrams (and the learner's packs), or one pack
                     folder; prints file:line: message per problem, exits 1 if there is any
  render DIAGRAM --svg FILE | --png FILE [--theme dark] [--scale 2] [--drill DRILL
         [--answer FILE|- | --model]]
                     draw a diagram, a drill, a graded attempt (marked) or a drill's model answer
                     (PNG uses the bundled font: identical on every machine)
  drill DRILL --json | --key | --solution
                     the drill as the learner sees it (no answers), its answer key (for authors),
                     or one submission that scores 1 (for checking a drill end to end)
  grade DRILL --answer FILE|-
                     grade a JSON submission and print the result as JSON (schemas: diagrams/README.md)
  cover QUESTION --answer FILE|-
                     check a typed answer against the question's rubric: the key points it covers
                     (with the matched words and their byte ranges) and misses, as JSON
  backup             take a verified backup of your progress now (into <data>/backups/)
  backups            list the backups: file name, time, size, reviews
  restore BACKUP     replace your progress with a backup (a name from `backups`, or a path);
                     what is there now is backed up first
  export FILE        write all your progress (reviews, notes, bookmarks, settings, mocks, drill
                     attempts) to one portable file (format: crates/exchange/README.md)
  import FILE        merge an export into your progress; importing twice changes nothing
  anki FILE.apkg     write every question (the bank and your packs) and every diagram as an Anki
                     package: import it in Anki (File > Import); importing a newer one updates
                     the same notes
  sync [--folder DIR]
                     one round with the sync folder (set it first with --folder): append this
                     computer's new changes, merge the other computers'; prints a JSON report
  help               show this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    if let Some(code) = diagram_cmds::run(cmd, rest) {
        return code;
    }
    if let Some(code) = backup_cmds::run(cmd, rest) {
        return code;
    }
    if let Some(code) = exchange_cmds::run(cmd, rest) {
        return code;
    }
    if let Some(code) = anki_cmd::run(cmd, rest) {
        return code;
    }
    if let Some(code) = cover_cmd::run(cmd, rest) {
        return code;
    }
    match cmd.as_str() {
        "check" => check::run(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("archdrill: unknown command {other:?}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
