//! Finds and reads the question files under a folder, for the learner's packs and `archdrill check DIR`.
//!
//! Packs are folders the learner assembles by hand, often with symlinks to notes kept elsewhere, so the
//! walk follows symlinks but must end on any tree: a folder that is its own ancestor (`ln -s .. loop`)
//! is reported and not entered, a dangling link is reported, and a file too large to be a question is
//! reported without being read. Nothing here panics on what it finds on disk; every surprise becomes
//! a [`Problem`] naming the path, and the rest of the folder still loads.
use archdrill_domain::Problem;
use std::ffi::OsString;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest file read as a question. Real questions are a few KiB; a file past this is a mistake
/// (a log, an export) and reading it whole would stall start-up for nothing.
pub const MAX_QUESTION_FILE_BYTES: u64 = 1024 * 1024;

/// One question file found by a walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MdFile {
    /// The root joined with the names below it, symlinks not resolved: the path the author sees.
    pub path: PathBuf,
    /// `path` relative to the walk's root (its first component is the pack, for the packs folder).
    pub relative: PathBuf,
    pub text: String,
}

/// What a walk found: the files in a stable order (names sorted byte-wise, folder by folder, so the
/// same tree always loads the same way on every machine) and the problems met on the way.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<MdFile>,
    pub problems: Vec<Problem>,
}

/// Walks a folder for `*.md` question files (every `README.md` is skipped: it documents the folder).
#[derive(Debug, Clone)]
pub struct Walker {
    max_file_bytes: u64,
    min_depth: usize,
}

impl Default for Walker {
    fn default() -> Self {
        Walker {
            max_file_bytes: MAX_QUESTION_FILE_BYTES,
            min_depth: 1,
        }
    }
}

impl Walker {
    /// A walker with the [`MAX_QUESTION_FILE_BYTES`] cap that reads files at any depth.
    pub fn new() -> Walker {
        Walker::default()
    }

    /// Files larger than `bytes` are reported, not read.
    pub fn max_file_bytes(mut self, bytes: u64) -> Walker {
        self.max_file_bytes = bytes;
        self
    }

    /// Files shallower than `depth` (those directly in the root are at depth 1) are skipped unread;
    /// folders are still walked. The packs folder uses 2: a question belongs to a pack folder.
    pub fn min_depth(mut self, depth: usize) -> Walker {
        self.min_depth = depth;
        self
    }

    /// Walks `root` (a folder, or a symlink to one).
    pub fn walk(&self, root: &Path) -> Walk {
        let mut state = State {
            walker: self,
            out: Walk::default(),
            ancestors: Vec::new(),
        };
        let meta = match fs::metadata(root) {
            Ok(m) if m.is_dir() => m,
            Ok(_) => {
                state.problem(root, "is not a folder".to_string());
                return state.out;
            }
            Err(e) => {
                state.problem(root, format!("cannot read folder: {e}"));
                return state.out;
            }
        };
        state.seed_ancestors(root);
        state.enter(root, Path::new(""), 0, &meta);
        state.out
    }
}

/// [`Walker::new`]`.walk(root)`: every question file under `root`, with the default size cap.
pub fn read_md_files(root: &Path) -> Walk {
    Walker::new().walk(root)
}

/// What makes two paths the same folder. On Unix, the device and inode: exact, and cheap to read
/// from the metadata the walk already has.
#[cfg(unix)]
type FolderId = (u64, u64);

/// Elsewhere, the canonical path (all links resolved), which names one folder one way.
#[cfg(not(unix))]
type FolderId = PathBuf;

#[cfg(unix)]
fn folder_id(_path: &Path, meta: &Metadata) -> io::Result<FolderId> {
    use std::os::unix::fs::MetadataExt;
    Ok((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn folder_id(path: &Path, _meta: &Metadata) -> io::Result<FolderId> {
    path.canonicalize()
}

struct State<'a> {
    walker: &'a Walker,
    out: Walk,
    /// The folders enclosing the one being walked, each with the path to name it by in a problem.
    ancestors: Vec<(FolderId, PathBuf)>,
}

impl State<'_> {
    fn problem(&mut self, path: &Path, message: String) {
        self.out
            .problems
            .push(Problem::new(path.display().to_string(), 0, message));
    }

    /// Counts the folders above the root as ancestors too, so a link back out of it (`ln -s .. loop`
    /// in a pack) is a loop at once rather than after re-reading every sibling of the root.
    fn seed_ancestors(&mut self, root: &Path) {
        let Ok(real) = root.canonicalize() else {
            return;
        };
        for dir in real.ancestors().skip(1) {
            // A folder above that cannot be read cannot be re-entered through a link either.
            if let Ok(id) = fs::metadata(dir).and_then(|m| folder_id(dir, &m)) {
                self.ancestors.push((id, dir.to_path_buf()));
            }
        }
    }

    /// Walks one folder unless it is one of its own ancestors.
    fn enter(&mut self, path: &Path, relative: &Path, depth: usize, meta: &Metadata) {
        let id = match folder_id(path, meta) {
            Ok(id) => id,
            Err(e) => return self.problem(path, format!("cannot read folder: {e}")),
        };
        if let Some((_, ancestor)) = self.ancestors.iter().find(|(a, _)| *a == id) {
            let message = format!("symlink loop to {}, not followed", ancestor.display());
            return self.problem(path, message);
        }
        self.ancestors.push((id, path.to_path_buf()));
        for name in self.sorted_names(path) {
            self.entry(&path.join(&name), &relative.join(&name), depth + 1);
        }
        self.ancestors.pop();
    }

    /// The folder's entry names, sorted, so the walk's order never depends on the file system's.
    fn sorted_names(&mut self, dir: &Path) -> Vec<OsString> {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.problem(dir, format!("cannot read folder: {e}"));
                return Vec::new();
            }
        };
        let mut names = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => names.push(entry.file_name()),
                Err(e) => self.problem(dir, format!("cannot read folder: {e}")),
            }
        }
        names.sort();
        names
    }

    fn entry(&mut self, path: &Path, relative: &Path, depth: usize) {
        // `fs::metadata` follows links; a link whose target is missing (or itself a link cycle) is
        // told apart from an unreadable file by looking at the link itself.
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => return self.unfollowable(path, e),
        };
        if meta.is_dir() {
            self.enter(path, relative, depth, &meta);
        } else if is_question_file(path) && depth >= self.walker.min_depth {
            self.read(path, relative, &meta);
        }
    }

    fn unfollowable(&mut self, path: &Path, e: io::Error) {
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let message = match fs::read_link(path) {
            Ok(target) if is_link && e.kind() == io::ErrorKind::NotFound => {
                format!("dangling symlink to {}, not followed", target.display())
            }
            Ok(target) if is_link => {
                format!("symlink to {} cannot be followed: {e}", target.display())
            }
            _ => format!("cannot read: {e}"),
        };
        self.problem(path, message);
    }

    fn read(&mut self, path: &Path, relative: &Path, meta: &Metadata) {
        let limit = self.walker.max_file_bytes;
        // A FIFO or device named *.md would block or never end; only regular files are read.
        if !meta.is_file() {
            return self.problem(path, "is not a regular file, not read".to_string());
        }
        if meta.len() > limit {
            return self.problem(path, too_large(meta.len(), limit));
        }
        let mut bytes = Vec::new();
        // `take` keeps the cap even if the file grows between the size check and the read.
        let read = File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes));
        if let Err(e) = read {
            return self.problem(path, format!("cannot read: {e}"));
        }
        if bytes.len() as u64 > limit {
            let size = fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
            return self.problem(path, too_large(size, limit));
        }
        match String::from_utf8(bytes) {
            Ok(text) => self.out.files.push(MdFile {
                path: path.to_path_buf(),
                relative: relative.to_path_buf(),
                text,
            }),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                self.problem(path, format!("cannot read: not UTF-8 text (byte {at})"));
            }
        }
    }
}

fn is_question_file(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "md")
        && path.file_name().is_some_and(|n| n != "README.md")
}

fn too_large(size: u64, limit: u64) -> String {
    let (shown, cap) = (human_size(size), human_size(limit));
    // Rounding can make a file just over the cap read as the cap itself; then give the exact count.
    let shown = if shown == cap {
        format!("{shown} ({size} bytes)")
    } else {
        shown
    };
    format!("{shown} is larger than the {cap} limit for a question file")
}

/// `3.2 MiB`, `1 MiB`, `12.5 KiB`, `900 bytes`: one decimal at most, none when it is zero.
fn human_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    let (value, unit) = match bytes {
        b if b >= MIB => (b as f64 / MIB as f64, "MiB"),
        b if b >= KIB => (b as f64 / KIB as f64, "KiB"),
        1 => return "1 byte".to_string(),
        b => return format!("{b} bytes"),
    };
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(1), "1 byte");
        assert_eq!(human_size(900), "900 bytes");
        assert_eq!(human_size(12 * 1024 + 512), "12.5 KiB");
        assert_eq!(human_size(MAX_QUESTION_FILE_BYTES), "1 MiB");
        assert_eq!(human_size(3_355_443), "3.2 MiB");
    }

    #[test]
    fn a_file_just_over_the_cap_gives_its_exact_size() {
        assert_eq!(
            too_large(3_355_443, MAX_QUESTION_FILE_BYTES),
            "3.2 MiB is larger than the 1 MiB limit for a question file"
        );
        assert_eq!(
            too_large(MAX_QUESTION_FILE_BYTES + 1, MAX_QUESTION_FILE_BYTES),
            "1 MiB (1048577 bytes) is larger than the 1 MiB limit for a question file"
        );
    }

    #[test]
    fn readme_and_other_extensions_are_not_questions() {
        assert!(is_question_file(Path::new("p/a.md")));
        assert!(!is_question_file(Path::new("p/README.md")));
        assert!(!is_question_file(Path::new("p/a.txt")));
        assert!(!is_question_file(Path::new("p/md")));
    }
}
