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
constants. Covered shapes, each with the instruction the LLVM name names
(or, for `FAMILIES` and the loads and stores, the one its operation
stands for), as stdarch's `assert_instr` confirms: vector operations whose
operands and result have one lane arrangement (`umaxp v0.16b, v1.16b,
v2.16b`); the `FAMILIES` of other arrangements, immediates and
accumulators (shift-and-insert, fixed-point conversions, complex
arithmetic, narrowing, widening, dot products); scalar forms on general
registers and float scalars; loads and stores of vector tuples; the table
lookups, SHA3 and FP16 multiply-add long of `pattern_overrides`; and the
templates of `aarch64_overrides.toml` (CRC32, AES, SHA-1/SHA-2, SM3/SM4,
pairwise reductions, barriers, hints).
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
VECTOR = re.compile(r"(?:u?int|float|poly|mfloat)(8|16|32|64)x(\d+)(?:x([234]))?_t")
GPR_BITS = {"i8": 8, "u8": 8, "p8": 8, "i16": 16, "u16": 16, "p16": 16,
            "i32": 32, "u32": 32, "i64": 64, "u64": 64, "p64": 64}

LINK_NAME = re.compile(r'link_name = "(llvm\.aarch64\.[^"]+)"\s*\)\s*\]')
DECL_FN = re.compile(r"fn\s+(\w+)\s*\(")
TOP_FN = re.compile(r"\n(?:pub (?:const )?)?(?:unsafe )?fn \w+")
ASSERT_INSTR = re.compile(r'assert_instr\(\s*"?([\w.]+)')


def kind_of(ty):
    """The operand kind of a Rust type, with a vector's lane arrangement
    (`V128:16b`; a tuple of vectors `V128x2:16b`), or None."""
    ty = ty.strip()
    m = VECTOR.fullmatch(ty)
    if m:
        bits, lanes = int(m.group(1)), int(m.group(2))
        total = bits * lanes
        if total not in (64, 128):
            return None
        count = f"x{m.group(3)}" if m.group(3) else ""
        return f"V{total}{count}:{lanes}{LANE_BITS[m.group(1)]}"
    if ty in ("f16", "f32", "f64"):
        return f"F{ty[1:]}"
    if ty.startswith(("*const ", "*mut ")):
        return "P"
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
    if not result or not re.fullmatch(r"V(64|128):\w+", result) or not 1 <= len(operands) <= 2:
        return None
    if any(k != result for k in operands):
        return None
    arrangement = result.split(":")[1]
    if arrangement == "1d":
        # One 64-bit lane: the scalar form on d registers (as assigned).
        return f"{mnemonic} " + ", ".join(f"d{i}" for i in range(len(operands) + 1))
    regs = ", ".join([f"$r.{arrangement}"] + [f"${i}.{arrangement}" for i in range(len(operands))])
    return f"{mnemonic} {regs}"


def register(kind, at, scalar_1d):
    """`$N.A` (or `$r.A`) for the operand at `at` ("r": the result) of
    `kind`; with `scalar_1d`, one 64-bit lane is its scalar `d` register as
    assigned (the result in d0, vector operand N in dN+1)."""
    arrangement = kind.split(":")[1]
    if arrangement == "1d" and scalar_1d:
        return "d0" if at == "r" else f"d{at + 1}"
    return f"${at}.{arrangement}"


# The NEON operations whose operands have different arrangements, take an
# immediate or accumulate into an operand, per the LLVM name's operation:
# the operand letters the shape needs (V a vector, I an immediate), the
# instruction (when it is not the operation's name: stdarch's assert_instr
# must agree) and its operands: `@r`/`@N` a register with its arrangement
# (`register`), `$N` an immediate. An instruction that accumulates into its
# destination gets the accumulator (operand 0) copied to v0 first (`acc`).
FAMILIES = {
    # Shift left/right and insert: the destination keeps the bits the
    # shifted source does not cover.
    "vsli": ("VVI", "sli", "@r, @1, #$2", True),
    "vsri": ("VVI", "sri", "@r, @1, #$2", True),
    # Saturating accumulate of the other signedness.
    "usqadd": ("VV", "usqadd", "@r, @1", True),
    "suqadd": ("VV", "suqadd", "@r, @1", True),
    # Fixed-point conversions: the immediate is the number of fraction bits.
    "vcvtfp2fxs": ("VI", "fcvtzs", "@r, @0, #$1", False),
    "vcvtfp2fxu": ("VI", "fcvtzu", "@r, @0, #$1", False),
    "vcvtfxs2fp": ("VI", "scvtf", "@r, @0, #$1", False),
    "vcvtfxu2fp": ("VI", "ucvtf", "@r, @0, #$1", False),
    # Complex multiply-accumulate and add; the rotation is in the LLVM name
    # (`vcmla.rot90.v4f32`), `{rot}` here.
    "vcmla": ("VVV", "fcmla", "@r, @1, @2, #{rot}", True),
    "vcadd": ("VV", "fcadd", "@r, @0, @1, #{rot}", False),
    # Narrowing (the result has half the lane width of the operands).
    "sqxtn": ("V", "sqxtn", "@r, @0", False),
    "uqxtn": ("V", "uqxtn", "@r, @0", False),
    "sqxtun": ("V", "sqxtun", "@r, @0", False),
    "fcvtxn": ("V", "fcvtxn", "@r, @0", False),
    "raddhn": ("VV", "raddhn", "@r, @0, @1", False),
    "rsubhn": ("VV", "rsubhn", "@r, @0, @1", False),
    "rshrn": ("VI", "rshrn", "@r, @0, #$1", False),
    "sqshrn": ("VI", "sqshrn", "@r, @0, #$1", False),
    "uqshrn": ("VI", "uqshrn", "@r, @0, #$1", False),
    "sqrshrn": ("VI", "sqrshrn", "@r, @0, #$1", False),
    "uqrshrn": ("VI", "uqrshrn", "@r, @0, #$1", False),
    "sqshrun": ("VI", "sqshrun", "@r, @0, #$1", False),
    "sqrshrun": ("VI", "sqrshrun", "@r, @0, #$1", False),
    # Widening (the result has twice the lane width).
    "saddlp": ("V", "saddlp", "@r, @0", False),
    "uaddlp": ("V", "uaddlp", "@r, @0", False),
    "sqdmull": ("VV", "sqdmull", "@r, @0, @1", False),
    "pmull": ("VV", "pmull", "@r, @0, @1", False),
    # Accumulating three-operand forms.
    "sqrdmlah": ("VVV", "sqrdmlah", "@r, @1, @2", True),
    "sqrdmlsh": ("VVV", "sqrdmlsh", "@r, @1, @2", True),
    "sdot": ("VVV", "sdot", "@r, @1, @2", True),
    "udot": ("VVV", "udot", "@r, @1, @2", True),
    "usdot": ("VVV", "usdot", "@r, @1, @2", True),
    "smmla": ("VVV", "smmla", "@r, @1, @2", True),
    "ummla": ("VVV", "ummla", "@r, @1, @2", True),
    "usmmla": ("VVV", "usmmla", "@r, @1, @2", True),
}


def family_template(llvm, operands, result):
    """The candidate templates of `llvm` by `FAMILIES` (none: not a family,
    or not of its shape; one 64-bit lane as a scalar `d` register, else as
    `.1d`), and the instruction's mnemonic."""
    parts = llvm.split(".")
    family = FAMILIES.get(parts[3]) if parts[2] == "neon" else None
    if not family or not result or result[0] != "V":
        return [], None
    letters, mnemonic, regs, acc = family
    if "".join(k[0] for k in operands) != letters:
        return [], mnemonic
    kinds = {"r": result} | dict(enumerate(operands))
    regs = regs.replace("{rot}", parts[4].removeprefix("rot"))
    options = []
    for scalar_1d in (True, False):
        def reg(m):
            at = "r" if m.group(1) == "r" else int(m.group(1))
            return register(kinds[at], at, scalar_1d)
        body = mnemonic + " " + re.sub(r"@(r|\d)", reg, regs)
        t = f"mov $r.16b, $0.16b\n{body}" if acc else body
        if t not in options:
            options.append(t)
    return options, mnemonic


# Scalar forms of NEON operations on general-register operands (`sqadd.i32`):
# the operands go through s16/d16 and up (scratch registers), the result
# comes back from s16/d16; the accumulating ones add into operand 0.
SCALAR_OPS = {"sqadd", "uqadd", "sqsub", "uqsub", "sqshl", "uqshl", "srshl", "urshl",
              "sqrshl", "uqrshl", "sqabs", "abs"}
SCALAR_ACCUMULATING = {"suqadd", "usqadd"}


def scalar_template(op, operands, result):
    """The template of scalar `op` on operands of the result's width."""
    if op not in SCALAR_OPS | SCALAR_ACCUMULATING or result not in ("G32", "G64"):
        return None
    if not 1 <= len(operands) <= 2 or any(k != result for k in operands):
        return None
    w = "s" if result == "G32" else "d"
    moves = [f"fmov {w}{16 + i}, ${i}" for i in range(len(operands))]
    if op in SCALAR_ACCUMULATING:
        regs = [f"{w}16", f"{w}17"]
    else:
        regs = [f"{w}16"] + [f"{w}{16 + i}" for i in range(len(operands))]
    return "\n".join(moves + [f"{op} {', '.join(regs)}", f"fmov $r, {w}16"])


def across_template(op, operands, result):
    """`saddlv`/`uaddlv`: the sum of a vector's lanes, twice as wide as a
    lane, sign- or zero-extended to the general result."""
    if op not in ("saddlv", "uaddlv") or len(operands) != 1 or operands[0][0] != "V":
        return None
    arrangement = operands[0].split(":")[1]
    wide = {"b": "h", "h": "s", "s": "d"}[arrangement[-1]]
    if result != ("G64" if wide == "d" else "G32"):
        return None
    if wide == "h":
        move = f"{'smov' if op[0] == 's' else 'umov'} $r, v16.h[0]"
    else:
        move = f"fmov $r, {wide}16"
    return f"{op} {wide}16, $0.{arrangement}\n{move}"


MEMORY = re.compile(r"(ld|st)([1-4])(x[234]|lane|r)?")


def memory_template(op, operands, result):
    """Loads and stores of 1-4 vectors (`ld2`, `ld3r`, `st4lane`, `st1x2`),
    the address last: the structure forms (de)interleave, `r` replicates one
    structure to all lanes, `lane` loads or stores one lane (its index an
    immediate before the address), `st1xN` stores N vectors one after the
    other. A loaded tuple is returned in v0 and up (a lane load changes one
    lane of copies of the vector operands), stored vectors are operands 0
    to N-1 (v1 and up). Returns the template (None: not of this shape) and
    the instruction's mnemonic."""
    m = MEMORY.fullmatch(op)
    if not m:
        return None, None
    kind, n, form = m.group(1), int(m.group(2)), m.group(3) or ""
    count = int(form[1:]) if form.startswith("x") else n
    mnemonic = f"{kind}{1 if form.startswith('x') else n}{'r' if form == 'r' else ''}"
    if kind == "ld":
        if not result or not re.fullmatch(rf"V(64|128)x{count}:\w+", result):
            return None, mnemonic
        vector = re.sub(r"x\d:", ":", result)
    else:
        if result is not None or not operands or operands[0][0] != "V":
            return None, mnemonic
        vector = operands[0]
    tail = ["I", "P"] if form == "lane" else ["P"]
    shape = tail if kind == "ld" and form != "lane" else [vector] * count + tail
    if operands != shape:
        return None, mnemonic
    arrangement = vector.split(":")[1]
    first = 0 if kind == "ld" else 1
    lanes = arrangement[-1] if form == "lane" else arrangement
    regs = "{" + ", ".join(f"v{first + i}.{lanes}" for i in range(count)) + "}"
    if form == "lane":
        regs += f"[${count}]"
    moves = []
    if kind == "ld" and form == "lane":
        moves = [f"mov v{i}.16b, v{i + 1}.16b" for i in range(count)]
    return "\n".join(moves + [f"{mnemonic} {regs}, [${len(operands) - 1}]"]), mnemonic


FLOAT_REGISTER = {"F16": "h", "F32": "s", "F64": "d"}

# Float scalar operations (operands in s/d registers, see `expand`): the
# conversions to an integer with the rounding their name says, and the
# fixed-point conversions (the immediate: the fraction bits).
FLOAT_TO_INT = {"fcvtas", "fcvtau", "fcvtms", "fcvtmu", "fcvtns", "fcvtnu", "fcvtps",
                "fcvtpu", "fjcvtzs"}
FIXED_POINT = {"vcvtfp2fxs": "fcvtzs", "vcvtfp2fxu": "fcvtzu", "vcvtfxs2fp": "scvtf",
               "vcvtfxu2fp": "ucvtf"}
# Float comparisons whose result is a mask in a general register.
FLOAT_COMPARE = {"facge", "facgt"}
# Reductions of a vector to one float, where the instruction exists for it.
FLOAT_ACROSS = {"fmaxv", "fminv", "fmaxnmv", "fminnmv"}


def float_scalar_template(op, operands, result):
    """The template of `op` with a float scalar operand or result (None:
    not of a shape here), and its mnemonic."""
    kinds = operands + [result]
    if not any(k and k[0] == "F" for k in kinds):
        return None, None
    if op in FIXED_POINT:
        if len(operands) == 2 and operands[1] == "I" and {operands[0][0], result[0]} == {"F", "G"}:
            return f"{FIXED_POINT[op]} $r, $0, #$1", FIXED_POINT[op]
        return None, FIXED_POINT[op]
    if op in FLOAT_TO_INT:
        if len(operands) == 1 and operands[0][0] == "F" and result and result[0] == "G":
            return f"{op} $r, $0", op
        return None, op
    if op in FLOAT_COMPARE:
        width = {"G32": ("F32", "s"), "G64": ("F64", "d")}.get(result)
        if width and operands == [width[0]] * 2:
            return f"{op} {width[1]}16, $0, $1\nfmov $r, {width[1]}16", op
        return None, op
    if op in FLOAT_ACROSS:
        if len(operands) == 1 and operands[0][0] == "V" and result and result[0] == "F":
            return f"{op} $r, $0.{operands[0].split(':')[1]}", op
        return None, op
    if result and result[0] == "F" and 1 <= len(operands) <= 2 and all(
            k == result for k in operands):
        return f"{op} " + ", ".join(["$r"] + [f"${i}" for i in range(len(operands))]), op
    return None, op


def expand(template, operands, result, imm_value="1"):
    """The template with registers as the backend assigns them (must match
    `backend/src/vendor/aarch64.rs`). Used to check that it assembles."""
    next_gpr = 1 if result and result[0] == "V" else 0
    names = []
    for i, k in enumerate(operands):
        if k == "I":
            names.append(imm_value)
        elif k[0] == "F":
            names.append(FLOAT_REGISTER[k] + str(i + 1))
        elif k == "P":
            names.append(f"x{next_gpr}")
            next_gpr += 1
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
    elif result[0] == "F":
        r = FLOAT_REGISTER[result] + "0"
    else:
        r = "v0"
    out = re.sub(r"\$r", r, template)
    return re.sub(r"\$(\d)", lambda m: names[int(m.group(1))], out)


def storage(kind):
    """The backend's operand kind (`V128:16b` travels as a `V128`, the
    tuple `V128x2:16b` as `Vectors { bits: 128, count: 2 }`)."""
    if not kind:
        return kind
    m = re.fullmatch(r"V(64|128)x(\d)", kind.split(":")[0])
    if m:
        return f"Vectors {{ bits: {m.group(1)}, count: {m.group(2)} }}"
    return kind.split(":")[0]


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
    # FP16 to FP32 multiply-add long: the 64-bit form reads two f16 lanes of
    # each source (`.2h`), the 128-bit one four; the `2` forms the upper ones.
    for op in ("fmlal", "fmlal2", "fmlsl", "fmlsl2"):
        for vec, acc, src in (("v2f32.v4f16", "2s", "2h"), ("v4f32.v8f16", "4s", "4h")):
            out[f"llvm.aarch64.neon.{op}.{vec}"] = (
                f"mov $r.16b, $0.16b\n{op} $r.{acc}, $1.{src}, $2.{src}")
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
            parts = llvm.split(".")
            op = parts[3] if parts[2] in ("neon", "crypto") and len(parts) > 3 else parts[2]
            options, family_op = family_template(llvm, operands, result)
            for special in (memory_template, float_scalar_template):
                if not family_op:
                    t, family_op = special(op, operands, result)
                    options = [t] if t else []
            op = family_op or op
            mnemonics = {mn for s in sites for mn in s[0]}
            if mnemonics and op not in mnemonics:
                why = f"stdarch asserts {', '.join(sorted(mnemonics))}, not {op}"
                skipped.append((llvm, why))
                continue
            if not family_op:
                t = "I" not in operands and (same_arrangement_template(op, operands, result)
                                             or scalar_template(op, operands, result)
                                             or across_template(op, operands, result))
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
