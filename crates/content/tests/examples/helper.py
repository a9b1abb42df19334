"""Parses the bank's YAML, HCL and Python example blocks for tests/examples.rs, all in one process so
the interpreter starts once. Reads a JSON list of {"id", "kind", "text"} on stdin and writes a JSON
list of {"id", "ok", "line", "message", "value"}: `value` is the parsed document (YAML: the list of
documents; HCL: python-hcl2's dictionary) for the structural checks the Rust side does."""
import json
import sys

import hcl2
import yaml


class AnyTagLoader(yaml.SafeLoader):
    """Safe loading that accepts application tags (CloudFormation's !Ref, !Sub, !GetAtt …): a tag
    is legal YAML syntax, only its meaning is the application's, so it loads as the tagged value."""


def _untagged(loader, _suffix, node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


AnyTagLoader.add_multi_constructor("!", _untagged)


def _jsonable(v):
    """YAML keys may be booleans or numbers (GitHub Actions' `on:` loads as True) and values dates;
    JSON needs string keys, and the Rust side only reads keys and strings."""
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_jsonable(x) for x in v]
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def check_yaml(text):
    try:
        return None, None, _jsonable(list(yaml.load_all(text, Loader=AnyTagLoader)))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = mark.line + 1 if mark else None
        return line, " ".join(str(e).split()), None


def check_hcl(text):
    try:
        return None, None, _jsonable(hcl2.loads(text))
    except Exception as e:  # lark's parse errors have no common base beyond Exception
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return getattr(e, "line", None), f"{type(e).__name__}: {first}", None


def check_python(text):
    try:
        compile(text, "<example>", "exec")
        return None, None, None
    except SyntaxError as e:
        return e.lineno, f"SyntaxError: {e.msg}", None


CHECKS = {"yaml": check_yaml, "hcl": check_hcl, "python": check_python}


def main():
    results = []
    for job in json.load(sys.stdin):
        line, message, value = CHECKS[job["kind"]](job["text"])
        results.append(
            {"id": job["id"], "ok": message is None, "line": line, "message": message, "value": value}
        )
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
