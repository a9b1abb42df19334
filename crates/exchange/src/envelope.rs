//! One change line, `{"v":1,"type":...,"data":...}`, decoded in one pass: when `v` and `type` come
//! before `data` (the order `encode` writes), `data` is read straight into its line type; otherwise
//! it is kept raw and read once the whole line is known, so any key order means the same. A line
//! of a newer version is recognised whatever its `type` and `data` look like, and skipped.
use crate::changefile::LINE_VERSION;
use crate::records::{AttemptLine, ChangeLine, ReviewLine, UndoLine};
use archdrill_store::OwnRecord;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::cell::Cell;

/// What one line says.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    Record(OwnRecord),
    /// Written by a newer Archdrill: skipped, not misread.
    Newer(u64),
    Bad(String),
}

pub fn decode(bytes: &[u8]) -> Decoded {
    // Checked once for the whole line: reading from a str, serde_json does not check each string.
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to() + 1;
            return Decoded::Bad(format!("not a change line: not UTF-8 at byte {at}"));
        }
    };
    let in_data = Cell::new(false);
    let mut de = serde_json::Deserializer::from_str(text);
    let line = match Lines(&in_data).deserialize(&mut de).and_then(|l| {
        de.end()?;
        Ok(l)
    }) {
        Ok(l) => l,
        Err(e) if in_data.get() => return Decoded::Bad(format!("data: {e}")),
        Err(e) => return Decoded::Bad(format!("not a change line: {e}")),
    };
    if line.v > u64::from(LINE_VERSION) {
        return Decoded::Newer(line.v);
    }
    if line.v != u64::from(LINE_VERSION) {
        return Decoded::Bad(format!("v: {} is not a version this app knows", line.v));
    }
    let (Some(kind), Some(data)) = (line.kind, line.data) else {
        return Decoded::Bad("a line needs a type and data".into());
    };
    let data = match data {
        Data::Typed(data) => data,
        Data::Raw(raw) => match kind_of(kind).map(|k| typed(k, raw.get())) {
            Some(Ok(data)) => data,
            Some(Err(m)) => return Decoded::Bad(m),
            None => return Decoded::Bad(not_a_type(kind)),
        },
    };
    let rec = match data {
        Typed::Review(l) => l.check().map(OwnRecord::Review),
        Typed::Undo(l) => l.check().map(OwnRecord::Undo),
        Typed::Change(l) => l.check().map(OwnRecord::Change),
        Typed::Attempt(l) => l.check().map(OwnRecord::Attempt),
    };
    rec.map_or_else(Decoded::Bad, Decoded::Record)
}

#[derive(Clone, Copy)]
enum Kind {
    Review,
    Undo,
    Change,
    Attempt,
}

/// A line's `data`, read into its line type (not yet checked).
enum Typed {
    Review(ReviewLine),
    Undo(UndoLine),
    Change(ChangeLine),
    Attempt(AttemptLine),
}

enum Data<'a> {
    Typed(Typed),
    /// Read before the version or the type was known, or for a line this app will not read.
    Raw(&'a RawValue),
}

/// The envelope. A `type` or `data` that is missing or null is `None`.
struct Line<'a> {
    v: u64,
    kind: Option<&'a RawValue>,
    data: Option<Data<'a>>,
}

fn kind_of(kind: &RawValue) -> Option<Kind> {
    match serde_json::from_str::<&str>(kind.get()) {
        Ok("review") => Some(Kind::Review),
        Ok("undo") => Some(Kind::Undo),
        Ok("change") => Some(Kind::Change),
        Ok("attempt") => Some(Kind::Attempt),
        _ => None,
    }
}

fn not_a_type(kind: &RawValue) -> String {
    format!(
        "type: {} is not review, undo, change or attempt",
        kind.get()
    )
}

/// Raw `data` read after the fact; `null` was already taken for missing.
fn typed(kind: Kind, raw: &str) -> Result<Typed, String> {
    let mut de = serde_json::Deserializer::from_str(raw);
    let data = DataSeed(kind).deserialize(&mut de).and_then(|d| {
        de.end()?;
        Ok(d)
    });
    match data {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err("a line needs a type and data".into()),
        Err(e) => Err(format!("data: {e}")),
    }
}

/// Reads `data` as the line type of `kind`: `None` for null.
struct DataSeed(Kind);

impl<'de> DeserializeSeed<'de> for DataSeed {
    type Value = Option<Typed>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Ok(match self.0 {
            Kind::Review => Option::<ReviewLine>::deserialize(d)?.map(Typed::Review),
            Kind::Undo => Option::<UndoLine>::deserialize(d)?.map(Typed::Undo),
            Kind::Change => Option::<ChangeLine>::deserialize(d)?.map(Typed::Change),
            Kind::Attempt => Option::<AttemptLine>::deserialize(d)?.map(Typed::Attempt),
        })
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Field {
    V,
    Type,
    Data,
    #[serde(other)]
    Other,
}

/// Reads the envelope, as an object or (like any serde struct) as an array of its three fields;
/// notes in `in_data` whether an error came from reading `data` into its type.
struct Lines<'c>(&'c Cell<bool>);

impl Lines<'_> {
    /// `data` as it comes: typed when the version and type already say how to read it.
    fn data<'de, E>(
        &self,
        v: Option<u64>,
        kind: Option<&RawValue>,
        next: impl FnOnce(Option<DataSeed>) -> Result<Option<Data<'de>>, E>,
    ) -> Result<Option<Data<'de>>, E> {
        let known = kind
            .and_then(kind_of)
            .filter(|_| v == Some(LINE_VERSION.into()));
        self.0.set(known.is_some());
        let data = next(known.map(DataSeed))?;
        self.0.set(false);
        Ok(data)
    }
}

impl<'de> DeserializeSeed<'de> for Lines<'_> {
    type Value = Line<'de>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_struct("Line", &["v", "type", "data"], self)
    }
}

impl<'de> Visitor<'de> for Lines<'_> {
    type Value = Line<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a change line")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut v, mut kind, mut data) = (None, None, None);
        while let Some(field) = map.next_key()? {
            match field {
                Field::V if v.is_some() => return Err(de::Error::duplicate_field("v")),
                Field::Type if kind.is_some() => return Err(de::Error::duplicate_field("type")),
                Field::Data if data.is_some() => return Err(de::Error::duplicate_field("data")),
                Field::V => v = Some(map.next_value::<u64>()?),
                Field::Type => kind = Some(map.next_value::<Option<&RawValue>>()?),
                Field::Data => {
                    let k = kind.flatten();
                    data = Some(self.data(v, k, |seed| match seed {
                        Some(seed) => Ok(map.next_value_seed(seed)?.map(Data::Typed)),
                        None => Ok(map.next_value::<Option<&RawValue>>()?.map(Data::Raw)),
                    })?);
                }
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Line {
            v: v.ok_or_else(|| de::Error::missing_field("v"))?,
            kind: kind.flatten(),
            data: data.flatten(),
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let short = |n| de::Error::invalid_length(n, &"a change line of 3 fields");
        let v = seq.next_element::<u64>()?.ok_or_else(|| short(0))?;
        let kind = seq
            .next_element::<Option<&RawValue>>()?
            .ok_or_else(|| short(1))?;
        let data = self.data(Some(v), kind, |seed| match seed {
            Some(seed) => seq
                .next_element_seed(seed)?
                .map(|d| d.map(Data::Typed))
                .ok_or_else(|| short(2)),
            None => seq
                .next_element::<Option<&RawValue>>()?
                .map(|d| d.map(Data::Raw))
                .ok_or_else(|| short(2)),
        })?;
        Ok(Line { v, kind, data })
    }
}
