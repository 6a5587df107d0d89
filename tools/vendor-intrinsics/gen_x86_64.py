#!/usr/bin/env python3
"""Generate the backend's x86_64 vendor-intrinsic table from stdarch.

stdarch (`library/stdarch/crates/core_arch/src/{x86,x86_64}` in rust-src)
declares every LLVM intrinsic that `core::arch` calls:

    #[link_name = "llvm.x86.ssse3.pshuf.b.128"]
    fn pshufb128(a: u8x16, b: u8x16) -> u8x16;

and the public function calling it names the instruction it becomes:

    #[cfg_attr(test, assert_instr(pshufb))]
    pub fn _mm_shuffle_epi8(a: __m128i, b: __m128i) -> __m128i { ... pshufb128(..) }

From the declaration this script takes the operand and result kinds; from
the callers, which operands are immediates (they pass a const generic or a
constant) and the mnemonic. The instruction template follows from the
operand shape (SSE two-operand or VEX three-operand form), unless
`overrides.toml` spells it. Every template is assembled with the C
compiler driver before it is written: one that does not assemble is left
out and listed, never guessed.

Usage: gen_x86_64.py STDARCH_CORE_ARCH_SRC [--check]
Writes backend/src/vendor/x86_64_table.rs (--check: fails if it differs).
"""

import os
import re
import sys
import tomllib

from stdarch import (keep_assembling, matching_paren, parse_callers, render, split_top,
                     unassembled, write_table)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "backend", "src", "vendor", "x86_64_table.rs")

# The stdarch files (x86/ and x86_64/) whose intrinsics the table covers:
# the families the backend supports. Others stay out of the table (their
# intrinsics warn at compile time and abort if reached).
FAMILIES = [
    "sse", "sse2", "sse3", "ssse3", "sse41", "sse42", "sse4a", "avx", "avx2", "fma",
    "bmi1", "bmi", "bmi2", "abm", "aes", "pclmulqdq", "sha", "f16c",
    "rdrand", "rdtsc", "adx", "xsave", "fxsr", "avx512f", "avx512bw", "avx512dq",
    "avx512cd", "avx512vbmi", "avx512ifma", "vaes", "vpclmulqdq", "gfni",
    "avx512vnni", "rtm",
]

# Intrinsics whose LLVM operands (a, index) the instruction takes the other
# way round (`vpermd dst, index, a`).
INDEX_FIRST = re.compile(r"llvm\.x86\.(avx2\.perm(d|ps)|avx512\.permvar\.)")

# LLVM names of these stdarch files that are outside the families above
# although they are declared there (SHA512/SM3/SM4 live in sha.rs).
EXCLUDED_PREFIXES = ["llvm.x86.vsha512", "llvm.x86.vsm3", "llvm.x86.vsm4"]

VECTOR_BITS = {}
for bits in (128, 256, 512):
    lanes = {8: bits // 8, 16: bits // 16, 32: bits // 32, 64: bits // 64}
    for w, n in lanes.items():
        for k in "iuf":
            VECTOR_BITS[f"{k}{w}x{n}"] = bits
    for suffix in ("", "i", "d", "h", "bh"):
        VECTOR_BITS[f"__m{bits}{suffix}"] = bits

GPR_BITS = {"i8": 8, "u8": 8, "i16": 16, "u16": 16, "i32": 32, "u32": 32,
            "i64": 64, "u64": 64, "isize": 64, "usize": 64}
MASK_BITS = {"__mmask8": 8, "__mmask16": 16, "__mmask32": 32, "__mmask64": 64}


def kind_of(ty):
    """The operand kind of a Rust type in a declaration, or None."""
    ty = ty.strip()
    if ty in VECTOR_BITS:
        return f"V{VECTOR_BITS[ty]}"
    if ty in MASK_BITS:
        return f"K{MASK_BITS[ty]}"
    if ty in GPR_BITS:
        return f"G{GPR_BITS[ty]}"
    if ty.startswith("*const") or ty.startswith("*mut"):
        return "P"
    return None


DECL = re.compile(r'#\[link_name = "(llvm\.x86\.[^"]+)"\]\s*(?:pub\s+)?(?:unsafe\s+)?fn\s+(\w+)\s*\(')


def parse_declarations(text):
    decls = {}
    for m in DECL.finditer(text):
        open_idx = m.end() - 1
        close = matching_paren(text, open_idx)
        pairs = [p.split(":", 1) for p in split_top(text[open_idx + 1:close])]
        params = [t.strip() for _, t in pairs]
        names = [n.strip() for n, _ in pairs]
        rest = text[close + 1:text.index(";", close)]
        ret = rest.split("->", 1)[1].strip() if "->" in rest else None
        decls[m.group(2)] = {"llvm": m.group(1), "params": params, "names": names, "ret": ret}
    return decls


def name_mnemonic(llvm):
    """`llvm.x86.ssse3.pshuf.b.128` → `pshufb`: the instruction LLVM names."""
    parts = llvm.split(".")[2:]
    families = {"sse", "sse2", "sse3", "ssse3", "sse41", "sse42", "avx", "avx2",
                "aesni", "bmi", "fma", "avx512", "mask", "maskz",
                "xsave", "fxsr", "rdrand", "rdseed", "vcvtph2ps", "vgf2p8affineinvqb"}
    while parts and parts[0] in families - {"vcvtph2ps", "vgf2p8affineinvqb"}:
        parts = parts[1:]
    parts = [p for p in parts if p not in ("128", "256", "512")]
    return "".join(parts)


def register(kind, index):
    """The register of a vector/mask argument (result: index None)."""
    if kind[0] == "V":
        prefix = {"V128": "xmm", "V256": "ymm", "V512": "zmm"}[kind]
        return f"{prefix}{0 if index is None else index + 1}"
    if kind[0] == "K":
        return f"k{1 if index is None else index + 2}"
    raise ValueError(kind)


def shape_template(mnemonic, operands, result):
    """The instruction template for the common shapes (a list: forms to
    try in order), or None.

    Placeholders: `$r` the result, `$N` operand N (a vector register, a
    general register of its width, an immediate, or a mask register)."""
    vex = mnemonic.startswith("v")
    if result is None and not operands:
        return mnemonic
    if result is None and operands == ["P"]:
        return f"{mnemonic} [$0]"
    if result and result[0] == "V" and operands == ["P"]:
        return f"{mnemonic} $r, [$0]"
    if result is None or result[0] not in "VG" or "P" in operands:
        return None
    ops = [f"${i}" for i in range(len(operands))]
    kinds = [k for k in operands]
    values = [k for k in kinds if k != "I"]
    imms = [o for o, k in zip(ops, kinds) if k == "I"]
    regs = [o for o, k in zip(ops, kinds) if k != "I"]
    if any(k[0] == "K" for k in kinds):
        return None
    if imms and kinds[-len(imms):] != ["I"] * len(imms):
        return None
    if result[0] == "V":
        if not values or values[0][0] != "V":
            return None
        if not vex and len(regs) == 1 and result == values[0]:
            # The SSE form keeps the destination's other lanes (`rcpss`):
            # those of the operand. With immediates, the operand may be the
            # destination alone (`extrq xmm, imm, imm`).
            forms = [f"movdqa $r, $0\n{mnemonic} $r, {', '.join(['$0'] + imms)}"]
            if imms:
                forms.append(f"movdqa $r, $0\n{mnemonic} $r, {', '.join(imms)}")
            return forms
        if vex or len(regs) == 1:
            return f"{mnemonic} $r, {', '.join(regs + imms)}"
        if len(regs) == 2:
            move = "movdqa $r, $0"
            return f"{move}\n{mnemonic} $r, {', '.join(regs[1:] + imms)}"
        return None
    # A general-register result: from one vector (movmsk, cvt*2si) or from
    # general registers (two-operand `op r, r/m`, or VEX `op r, r, r/m`).
    if len(regs) == 1 and values[0][0] == "V":
        return f"{mnemonic} $r, {', '.join(regs + imms)}"
    if all(k[0] == "G" for k in values) and len(regs) == 2 and not imms:
        if vex or mnemonic in ("pdep", "pext", "bzhi", "bextr", "sarx", "shlx", "shrx", "mulx"):
            return f"{mnemonic} $r, $0, $1"
        return f"mov $r, $0\n{mnemonic} $r, $1"
    if all(k[0] == "G" for k in values) and len(regs) == 1 and not imms:
        return f"{mnemonic} $r, $0"
    return None


GPR_NAMES = {
    "rdi": ("dil", "di", "edi", "rdi"), "rsi": ("sil", "si", "esi", "rsi"),
    "rdx": ("dl", "dx", "edx", "rdx"), "rcx": ("cl", "cx", "ecx", "rcx"),
    "r8": ("r8b", "r8w", "r8d", "r8"), "r9": ("r9b", "r9w", "r9d", "r9"),
    "rax": ("al", "ax", "eax", "rax"),
}
ARG_GPRS = ["rdi", "rsi", "rdx", "rcx", "r8", "r9"]


def gpr(name, bits):
    return GPR_NAMES[name][{8: 0, 16: 1, 32: 2, 64: 3}[bits]]


def expand(template, operands, result, imm_value="1"):
    """The template with registers as the backend assigns them (must match
    `backend/src/vendor/x86_64.rs`). Used to check that it assembles."""
    next_gpr = 1 if result and result[0] == "V" else 0
    names = []
    for i, k in enumerate(operands):
        if k == "I":
            names.append(imm_value)
        elif k[0] == "G":
            names.append(gpr(ARG_GPRS[next_gpr], int(k[1:])))
            next_gpr += 1
        elif k == "P":
            names.append(ARG_GPRS[next_gpr])
            next_gpr += 1
        else:
            names.append(register(k, i))
            next_gpr += 1
    if result is None:
        r = ""
    elif result[0] == "G":
        r = gpr("rax", int(result[1:]))
    elif result[0] == "P":
        r = gpr("rax", int(result.split(",")[0][2:]))
    else:
        r = register(result, None)
    out = re.sub(r"\$r2", "edx", template)
    out = re.sub(r"\$r", r, out)
    return re.sub(r"\$(\d)", lambda m: names[int(m.group(1))], out)


def pattern_overrides():
    """Templates of the families whose result is a flag: the comparisons
    `comi`/`ucomi` (as LLVM lowers them: `lt`/`le` compare swapped, `eq`
    and `neq` check parity for unordered), `ptest`/`vtest` and the string
    comparisons of SSE4.2."""
    out = {}
    comi = {
        "eq": "{op} $0, $1\nsete al\nsetnp cl\nand al, cl\nmovzx eax, al",
        "lt": "{op} $1, $0\nseta al\nmovzx eax, al",
        "le": "{op} $1, $0\nsetae al\nmovzx eax, al",
        "gt": "{op} $0, $1\nseta al\nmovzx eax, al",
        "ge": "{op} $0, $1\nsetae al\nmovzx eax, al",
        "neq": "{op} $0, $1\nsetne al\nsetp cl\nor al, cl\nmovzx eax, al",
    }
    for family, suffix in (("sse", "ss"), ("sse2", "sd")):
        for kind in ("comi", "ucomi"):
            for pred, t in comi.items():
                out[f"llvm.x86.{family}.{kind}{pred}.{suffix}"] = t.format(op=f"{kind}{suffix}")
    tests = {"z": "sete", "c": "setb", "nzc": "seta"}
    for pred, setcc in tests.items():
        body = "{op} $0, $1\n" + setcc + " al\nmovzx eax, al"
        out[f"llvm.x86.sse41.ptest{pred}"] = body.format(op="ptest")
        out[f"llvm.x86.avx.ptest{pred}.256"] = body.format(op="vptest")
        for ty in ("ps", "pd"):
            out[f"llvm.x86.avx.vtest{pred}.{ty}"] = body.format(op=f"vtest{ty}")
            out[f"llvm.x86.avx.vtest{pred}.{ty}.256"] = body.format(op=f"vtest{ty}")
    # pcmpestr*: lengths in eax and edx (eax first: the second length may
    # arrive in edx); pcmpistr*: no lengths. The index comes back in ecx,
    # the mask in xmm0 (the vector result register).
    flags = {"": None, "a": "seta", "c": "setb", "o": "seto", "s": "sets", "z": "sete"}
    for suffix, setcc in flags.items():
        tail = "mov eax, ecx" if setcc is None else f"{setcc} al\nmovzx eax, al"
        out[f"llvm.x86.sse42.pcmpestri{suffix}128"] = (
            "mov eax, $1\nmov edx, $3\npcmpestri $0, $2, $4\n" + tail)
        out[f"llvm.x86.sse42.pcmpistri{suffix}128"] = "pcmpistri $0, $1, $2\n" + tail
    out["llvm.x86.sse42.pcmpestrm128"] = "mov eax, $1\nmov edx, $3\npcmpestrm $0, $2, $4"
    out["llvm.x86.sse42.pcmpistrm128"] = "pcmpistrm $0, $1, $2"
    # Gathers (src, base, offsets, mask, scale): the destination starts as
    # src; the instruction clears the mask register as it goes.
    for index in ("d", "q"):
        for data, insn in (("d", "vpgather"), ("q", "vpgather"), ("ps", "vgather"), ("pd", "vgather")):
            mnemonic = f"{insn}{index}{data[-1] if insn == 'vpgather' else data}"
            body = f"vmovdqa $r, $0\n{mnemonic} $r, [$1 + $2 * $4], $3"
            for suffix in ("", ".256"):
                out[f"llvm.x86.avx2.gather.{index}.{data}{suffix}"] = body
    # Dot products that accumulate into their first operand (src, a, b).
    # The 128/256-bit `llvm.x86.avx512.vpdp*` are shared by AVX512-VNNI+VL
    # and AVX-VNNI: VEX-encoded (`{vex}`), they run wherever
    # `is_x86_feature_detected!("avxvnni")` says yes (the EVEX form needs
    # AVX-512, hidden from detection); AVX-VNNI-INT8/INT16 (`avx2.vpdp*`)
    # are VEX only, and the 512-bit forms EVEX only.
    for dot in ("bssd", "bssds", "bsud", "bsuds", "buud", "buuds",
                "wsud", "wsuds", "wusd", "wusds", "wuud", "wuuds"):
        for bits in ("128", "256"):
            out[f"llvm.x86.avx2.vpdp{dot}.{bits}"] = f"vmovdqa $r, $0\nvpdp{dot} $r, $1, $2"
    for dot in ("busd", "busds", "wssd", "wssds"):
        for bits in ("128", "256"):
            out[f"llvm.x86.avx512.vpdp{dot}.{bits}"] = (
                f"vmovdqa $r, $0\n{{vex}} vpdp{dot} $r, $1, $2")
        out[f"llvm.x86.avx512.vpdp{dot}.512"] = f"vmovdqa64 $r, $0\nvpdp{dot} $r, $1, $2"
    return {name: {"asm": asm} for name, asm in out.items()}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    check = "--check" in sys.argv[2:]
    with open(os.path.join(HERE, "x86_64_overrides.toml"), "rb") as f:
        overrides = pattern_overrides() | tomllib.load(f)
    entries, skipped = {}, []
    for sub in ("x86", "x86_64"):
        for family in FAMILIES:
            path = os.path.join(src, sub, family + ".rs")
            if not os.path.exists(path):
                continue
            text = open(path).read()
            decls = parse_declarations(text)
            calls = parse_callers(text, decls)
            for fname, d in decls.items():
                llvm = d["llvm"]
                if any(llvm.startswith(p) for p in EXCLUDED_PREFIXES) or llvm in entries:
                    continue
                feature = f"{sub}/{family}"
                over = overrides.get(llvm)
                kinds = [kind_of(t) for t in d["params"]]
                ret = d["ret"]
                if ret and ret.startswith("("):
                    parts = split_top(ret[1:-1])
                    result = "P" + ",".join(kind_of(p) or "?" for p in parts)
                else:
                    result = kind_of(ret) if ret else None
                sites = calls.get(fname, [])
                # An immediate: every caller passes a constant, or the
                # declaration calls the parameter so (`imm8`).
                imm = [(bool(sites) and all(len(s[1]) > i and s[1][i] for s in sites))
                       or d["names"][i].startswith("imm")
                       for i in range(len(kinds))]
                if over and "immediates" in over:
                    imm = [i in over["immediates"] for i in range(len(kinds))]
                operands = ["I" if imm[i] else k for i, k in enumerate(kinds)]
                if None in operands or (ret and result is None) or "?" in (result or ""):
                    skipped.append((llvm, "operand types"))
                    continue
                passed = sum(1 for k in operands if k != "I") + (result or "").startswith("V")
                if passed > len(ARG_GPRS):
                    skipped.append((llvm, "more operands than argument registers"))
                    continue
                if over:
                    if "skip" in over:
                        skipped.append((llvm, over["skip"]))
                        continue
                    asm = over["asm"]
                    entries[llvm] = dict(operands=operands, result=result, asm=asm, feature=feature)
                    continue
                # With an immediate, a caller's assert_instr names the form
                # its test's immediate selects (`vcmpeqps` for `vcmpps`), so
                # the name LLVM gives the instruction comes first.
                mnemonics = {s[0] for s in sites if s[0]}
                named = name_mnemonic(llvm)
                candidates = [named, "v" + named]
                if len(mnemonics) == 1:
                    if "I" in operands:
                        candidates.append(mnemonics.pop())
                    else:
                        candidates.insert(0, mnemonics.pop())
                # 128-bit forms: the legacy SSE encoding first, which needs
                # no AVX (GFNI's `gf2p8mulb` on a CPU without AVX).
                if all(k in ("V128", "I") for k in operands + [result]):
                    candidates += [c[1:] for c in candidates if c.startswith("v")]
                    candidates.sort(key=lambda c: c.startswith("v"))
                options = []
                for mn in dict.fromkeys(candidates):
                    t = shape_template(mn, operands, result)
                    if isinstance(t, list):
                        options.extend(t)
                    elif t:
                        options.append(t)
                if not options:
                    skipped.append((llvm, "no template for this operand shape"))
                    continue
                if INDEX_FIRST.match(llvm):
                    options = [t.replace("$r, $0, $1", "$r, $1, $0") for t in options]
                entries[llvm] = dict(operands=operands, result=result, options=options,
                                     asm=options[0], feature=feature)
    # Try each entry's candidate templates in turn until one assembles; an
    # override (no candidates) that does not assemble is left out too.
    keep_assembling(entries, skipped, lambda es: unassembled(
        es, expand, [".intel_syntax noprefix", ".text"], ["cc"]))
    out = render(entries, skipped, "gen_x86_64.py", "x86_64_overrides.toml")
    write_table(OUT, out, "gen_x86_64.py", entries, skipped, check)


if __name__ == "__main__":
    main()
