"""Imports Archdrill's .apkg files, in order, into a new collection with Anki's own library (the
PyPI `anki` package, the code the desktop app runs), then prints what Anki holds as JSON for
tests/anki_client.rs to check.

usage: anki_import.py FOLDER GUID PACKAGE...
FOLDER gets the new collection; GUID names the note whose fields, tags and card are reported.
"""
import json
import os
import sys

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER as IF_NEWER


def import_package(col, path):
    """Imports as Anki's import dialog does by default: a note Anki already has (same guid) is
    updated when the package's copy is newer."""
    options = ImportAnkiPackageOptions(
        merge_notetypes=False,
        update_notes=IF_NEWER,
        update_notetypes=IF_NEWER,
        with_scheduling=False,
        with_deck_configs=False,
    )
    log = col.import_anki_package(
        ImportAnkiPackageRequest(package_path=path, options=options)
    ).log
    return {
        "new": len(log.new),
        "updated": len(log.updated),
        "duplicate": len(log.duplicate),
        "conflicting": len(log.conflicting),
        "missing_notetype": len(log.missing_notetype),
        "missing_deck": len(log.missing_deck),
        "empty_first_field": len(log.empty_first_field),
    }


def describe_note(col, guid):
    nid = col.db.scalar("select id from notes where guid = ?", guid)
    if nid is None:
        return None
    note = col.get_note(nid)
    cards = note.cards()
    return {
        "notetype": note.note_type()["name"],
        "fields": dict(note.items()),
        "tags": sorted(note.tags),
        "cards": len(cards),
        "deck": col.decks.name(cards[0].did) if cards else None,
        "question": cards[0].question() if cards else None,
        "answer": cards[0].answer() if cards else None,
    }


def main():
    folder, guid, *packages = sys.argv[1:]
    col = Collection(os.path.join(folder, "collection.anki2"))
    try:
        imports = [import_package(col, p) for p in packages]
        media = col.media.check()
        report = {
            "imports": imports,
            "notes": col.note_count(),
            "cards": col.card_count(),
            "media_files": sorted(os.listdir(col.media.dir())),
            "media_missing": list(media.missing),
            "media_unused": list(media.unused),
            "decks": sorted(d.name for d in col.decks.all_names_and_ids()),
            "note": describe_note(col, guid),
        }
    finally:
        col.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
