#!/usr/bin/env python3
"""Generate the backend's aarch64 vendor-intrinsic table from stdarch.

stdarch's NEON, AES/SHA and CRC32 functions (`arm_shared/neon/generated.rs`
and `aarch64/neon/generated.rs` in rust-src's `core_arch/src`) each declare
the LLVM intrinsic they call inside their body:

    #[cfg_attr(all(test, any(target_arch = "aarch64", ...)), assert_instr(umaxp))]
    pub fn vpmaxq_u8(a: uint8x16_t, b: uint8x16_t) -> uint8x16_t {
        unsafe extern "unadjusted" {
            #[cfg_attr(any(target_arch = "aarch64", ...), link_name = "llvm.aarch64.neon.umaxp.v16i8")]
            fn _vpmaxq_u8(a: uint8x16_t, b: uint8x16_t) -> uint8x16_t;
        }
        unsafe { _vpmaxq_u8(a, b) }
    }

From the declaration this script takes the operand and result kinds, from
the function the aarch64 `assert_instr` mnemonic and which arguments are
constants. Covered shapes: vector operations whose operands and result
have one lane arrangement and whose instruction is the one the LLVM name
names, as stdarch's `assert_instr` confirms (`umaxp v0.16b, v1.16b,
v2.16b`); the table lookups and SHA3 operations of `pattern_overrides`;
and the templates of `aarch64_overrides.toml` (CRC32, AES, SHA-1/SHA-256,
barriers, hints).
Every template is assembled with the target's C compiler driver
(aarch64-linux-gnu-gcc) before it is written: one that does not assemble
is left out and listed, never guessed.

Usage: gen_aarch64.py STDARCH_CORE_ARCH_SRC [--check]
Writes backend/src/vendor/aarch64_table.rs (--check: fails if it differs).
"""

import os
import re
import sys
import tomllib

from stdarch import (is_constant_expr, keep_assembling, matching_paren, render, split_top,
                     unassembled, write_table)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "backend", "src", "vendor", "aarch64_table.rs")
ASSEMBLER = "aarch64-linux-gnu-gcc"
# Every extension an intrinsic's target_feature may enable; the backend's
# functions start with the same `.arch` (ARCH in backend/src/vendor/aarch64.rs).
ARCH = "armv8.8-a+crc+aes+sha2+sha3+sm4+fp16+rdm+dotprod+i8mm+bf16"

# The stdarch files whose intrinsics the table covers.
FILES = ["arm_shared/neon/generated.rs", "aarch64/neon/generated.rs"]

LANE_BITS = {"8": "b", "16": "h", "32": "s", "64": "d"}
VECTOR = re.compile(r"(?:u?int|float|poly|mfloat)(8|16|32|64)x(\d+)_t")
GPR_BITS = {"i8": 8, "u8": 8, "p8": 8, "i16": 16, "u16": 16, "p16": 16,
            "i32": 32, "u32": 32, "i64": 64, "u64": 64, "p64": 64}

LINK_NAME = re.compile(r'link_name = "(llvm\.aarch64\.[^"]+)"\s*\)\s*\]')
DECL_FN = re.compile(r"fn\s+(\w+)\s*\(")
TOP_FN = re.compile(r"\n(?:pub (?:const )?)?(?:unsafe )?fn \w+")
ASSERT_INSTR = re.compile(r'assert_instr\(\s*"?([\w.]+)')


def kind_of(ty):
    """The operand kind of a Rust type, with a vector's lane arrangement
    (`V128:16b`), or None."""
    ty = ty.strip()
    m = VECTOR.fullmatch(ty)
    if m:
        bits, lanes = int(m.group(1)), int(m.group(2))
        total = bits * lanes
        if total not in (64, 128):
            return None
        return f"V{total}:{lanes}{LANE_BITS[m.group(1)]}"
    if ty in GPR_BITS:
        return f"G{GPR_BITS[ty]}"
    return None


def aarch64_mnemonics(attrs):
    """The mnemonics of the `assert_instr`s that apply to aarch64."""
    out = []
    for attr in attrs.split("#[")[1:]:
        if "assert_instr" not in attr or re.search(r'target_arch = "arm"\s*\)', attr):
            continue
        m = ASSERT_INSTR.search(attr)
        if m:
            out.append(m.group(1))
    return out


def parse(text):
    """Per LLVM name: its operand kinds and result, the declared parameter
    names, and per calling function (mnemonics, [is-constant per arg])."""
    found = {}
    for m in LINK_NAME.finditer(text):
        llvm = m.group(1)
        decl = DECL_FN.search(text, m.end())
        open_idx = decl.end() - 1
        close = matching_paren(text, open_idx)
        pairs = [p.split(":", 1) for p in split_top(text[open_idx + 1:close])]
        rest = text[close + 1:text.index(";", close)]
        ret = rest.split("->", 1)[1].strip() if "->" in rest else None
        # The function around the declaration (public or not: some public
        # ones call a private one), and its attributes.
        start = [f.start() for f in TOP_FN.finditer(text, 0, m.start())][-1]
        attrs_start = text.rfind("\n}\n", 0, start)
        attrs = text[attrs_start:start]
        header = text[start:text.index("{", start)]
        const_names = set(re.findall(r"const\s+(\w+)\s*:", header))
        end = text.find("\n}\n", m.end())
        body = text[text.index(";", close):end]
        call = re.search(r"\b" + re.escape(decl.group(1)) + r"\s*\(", body)
        imms = []
        if call:
            args = split_top(body[call.end():matching_paren(body, call.end() - 1)])
            imms = [is_constant_expr(a, const_names) for a in args]
        entry = found.setdefault(llvm, {
            "params": [t.strip() for _, t in pairs],
            "names": [n.strip() for n, _ in pairs],
            "ret": ret,
            "sites": [],
        })
        entry["sites"].append((aarch64_mnemonics(attrs), imms))
    return found


def same_arrangement_template(mnemonic, operands, result):
    """`m $r.A, $0.A[, $1.A]`: operands and result of one arrangement (one
    64-bit lane: `m d0, d1[, d2]`)."""
    if not result or result[0] != "V" or not 1 <= len(operands) <= 2:
        return None
    if any(k != result for k in operands):
        return None
    arrangement = result.split(":")[1]
    if arrangement == "1d":
        # One 64-bit lane: the scalar form on d registers (as assigned).
        return f"{mnemonic} " + ", ".join(f"d{i}" for i in range(len(operands) + 1))
    regs = ", ".join([f"$r.{arrangement}"] + [f"${i}.{arrangement}" for i in range(len(operands))])
    return f"{mnemonic} {regs}"


def expand(template, operands, result, imm_value="1"):
    """The template with registers as the backend assigns them (must match
    `backend/src/vendor/aarch64.rs`). Used to check that it assembles."""
    next_gpr = 1 if result and result[0] == "V" else 0
    names = []
    for i, k in enumerate(operands):
        if k == "I":
            names.append(imm_value)
        elif k[0] == "G":
            names.append(("w" if int(k[1:]) <= 32 else "x") + str(next_gpr))
            next_gpr += 1
        else:
            names.append(f"v{i + 1}")
            next_gpr += 1
    if result is None:
        r = ""
    elif result[0] == "G":
        r = "w0" if int(result[1:]) <= 32 else "x0"
    else:
        r = "v0"
    out = re.sub(r"\$r", r, template)
    return re.sub(r"\$(\d)", lambda m: names[int(m.group(1))], out)


def storage(kind):
    """The backend's operand kind (`V128:16b` travels as a `V128`)."""
    return kind.split(":")[0] if kind else kind


def pattern_overrides():
    """Templates of the families whose registers are lists or have more
    sources than the generic shapes: table lookups (`tbl`/`tbx` with 1-4
    table registers, which the assignment makes consecutive: v1-v4 or, after
    tbx's first operand, v2-v5) and SHA3's three-source `eor3`/`bcax`."""
    out = {}
    for n in range(1, 5):
        table = ", ".join(f"${i}.16b" for i in range(n))
        after = ", ".join(f"${i + 1}.16b" for i in range(n))
        for vec, arr in (("v16i8", "16b"), ("v8i8", "8b")):
            out[f"llvm.aarch64.neon.tbl{n}.{vec}"] = f"tbl $r.{arr}, {{{table}}}, ${n}.{arr}"
            out[f"llvm.aarch64.neon.tbx{n}.{vec}"] = (
                f"mov $r.16b, $0.16b\ntbx $r.{arr}, {{{after}}}, ${n + 1}.{arr}")
    for op in ("eor3s", "eor3u", "bcaxs", "bcaxu"):
        for vec in ("v16i8", "v8i16", "v4i32", "v2i64"):
            out[f"llvm.aarch64.crypto.{op}.{vec}"] = f"{op[:-1]} $r.16b, $0.16b, $1.16b, $2.16b"
    return {name: {"asm": asm} for name, asm in out.items()}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    check = "--check" in sys.argv[2:]
    with open(os.path.join(HERE, "aarch64_overrides.toml"), "rb") as f:
        overrides = pattern_overrides() | tomllib.load(f)
    entries, skipped = {}, []
    declared = {}
    for rel in FILES:
        with open(os.path.join(src, rel)) as f:
            for llvm, d in parse(f.read()).items():
                if llvm in declared:
                    declared[llvm]["sites"] += d["sites"]
                else:
                    declared[llvm] = d
    for llvm, over in overrides.items():
        if "operands" in over:
            declared.setdefault(llvm, {"kinds": over["operands"], "result": over.get("result"),
                                       "sites": []})
    for llvm, d in sorted(declared.items()):
        if "kinds" in d:
            entries[llvm] = dict(operands=d["kinds"], result=d["result"],
                                 options=[overrides[llvm]["asm"]], asm=overrides[llvm]["asm"])
            continue
        over = overrides.get(llvm)
        kinds = [kind_of(t) for t in d["params"]]
        result = kind_of(d["ret"]) if d["ret"] else None
        sites = d["sites"]
        imm = [all(len(s[1]) > i and s[1][i] for s in sites) for i in range(len(kinds))]
        operands = ["I" if imm[i] else k for i, k in enumerate(kinds)]
        if over and "skip" in over:
            skipped.append((llvm, over["skip"]))
            continue
        if None in operands or (d["ret"] and result is None):
            skipped.append((llvm, "operand types"))
            continue
        if over:
            options = [over["asm"]]
        else:
            # The instruction is the one the LLVM name names; stdarch's
            # assert_instr must agree (a guard against reading the wrong
            # function, and against intrinsics LLVM lowers otherwise).
            op = llvm.split(".")[3] if len(llvm.split(".")) > 3 else ""
            mnemonics = {mn for s in sites for mn in s[0]}
            if mnemonics and op not in mnemonics:
                why = f"stdarch asserts {', '.join(sorted(mnemonics))}, not {op}"
                skipped.append((llvm, why))
                continue
            t = "I" not in operands and same_arrangement_template(op, operands, result)
            options = [t] if t else []
        if not options:
            skipped.append((llvm, "no template for this operand shape"))
            continue
        entries[llvm] = dict(operands=operands, result=result, options=options, asm=options[0])
    keep_assembling(entries, skipped, lambda es: unassembled(
        es, expand, [".text"], [ASSEMBLER, f"-march={ARCH}"]))
    for e in entries.values():
        e["operands"] = [storage(k) for k in e["operands"]]
        e["result"] = storage(e["result"])
    out = render(entries, skipped, "gen_aarch64.py", "aarch64_overrides.toml")
    write_table(OUT, out, "gen_aarch64.py", entries, skipped, check)


if __name__ == "__main__":
    main()
