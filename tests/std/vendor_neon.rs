//@ only-arch: aarch64 -- core::arch::aarch64
// core::arch::aarch64 NEON, AES, SHA-1/SHA-256, SHA3 and CRC32 (the LLVM
// intrinsics among them go through the backend's vendor-intrinsic table;
// `families` has a few of each shape the generator derives),
// the crypto families behind run-time detection, and core::hint::spin_loop
// (`isb sy`).
use std::arch::aarch64::*;
use std::arch::is_aarch64_feature_detected;
use std::hint::black_box;

fn u16s(v: uint16x8_t) -> [u16; 8] {
    unsafe { std::mem::transmute(v) }
}
fn u16s4(v: uint16x4_t) -> [u16; 4] {
    unsafe { std::mem::transmute(v) }
}
fn i32s(v: int32x4_t) -> [i32; 4] {
    unsafe { std::mem::transmute(v) }
}

fn u8s(v: uint8x16_t) -> [u8; 16] {
    unsafe { std::mem::transmute(v) }
}
fn u8s8(v: uint8x8_t) -> [u8; 8] {
    unsafe { std::mem::transmute(v) }
}
fn u32s(v: uint32x4_t) -> [u32; 4] {
    unsafe { std::mem::transmute(v) }
}
fn i16s(v: int16x8_t) -> [i16; 8] {
    unsafe { std::mem::transmute(v) }
}
fn f32s(v: float32x4_t) -> [f32; 4] {
    unsafe { std::mem::transmute(v) }
}

fn bytes(seed: u8) -> uint8x16_t {
    let mut b = [0u8; 16];
    for (i, x) in b.iter_mut().enumerate() {
        *x = black_box(seed.wrapping_mul(31).wrapping_add(i as u8 * 17));
    }
    unsafe { vld1q_u8(b.as_ptr()) }
}

fn neon() {
    unsafe {
        let a = bytes(3);
        let b = bytes(200);
        println!("umaxp {:?}", u8s(vpmaxq_u8(a, b)));
        println!("umaxp.8b {:?}", u8s8(vpmax_u8(vget_low_u8(a), vget_high_u8(b))));
        println!("uabd {:?}", u8s(vabdq_u8(a, b)));
        println!("tbl1 {:?}", u8s(vqtbl1q_u8(a, vandq_u8(b, vdupq_n_u8(0x1f)))));
        println!("tbl2 {:?}", u8s(vqtbl2q_u8(uint8x16x2_t(a, b), vandq_u8(a, vdupq_n_u8(0x3f)))));
        println!("tbx1 {:?}", u8s(vqtbx1q_u8(b, a, vandq_u8(b, vdupq_n_u8(0x1f)))));
        let h: int16x8_t = vreinterpretq_s16_u8(a);
        let k: int16x8_t = vreinterpretq_s16_u8(b);
        println!("sqrdmulh {:?}", i16s(vqrdmulhq_s16(h, k)));
        let x = vld1q_f32([1.5f32, -2.25, 1e-3, 7.0].as_ptr());
        let y = vld1q_f32([0.5f32, 3.0, f32::NAN, -7.0].as_ptr());
        println!("fminnm {:?}", f32s(vminnmq_f32(x, y)));
        println!("frecpe {:?}", f32s(vrecpeq_f32(x)));
        println!("frsqrte {:?}", f32s(vrsqrteq_f32(vabsq_f32(x))));
        println!("fcvtns {:?}", std::mem::transmute::<int32x4_t, [i32; 4]>(vcvtnq_s32_f32(x)));
        println!("fabd.1d {:?}", vget_lane_f64::<0>(vabd_f64(vdup_n_f64(2.5), vdup_n_f64(-1.0))));
        println!("max across {}", vmaxvq_u8(a));
    }
}

// Shift-and-insert, accumulates of the other signedness, fixed-point
// conversions, narrowing and widening forms, scalar saturating operations,
// float scalars, and loads and stores of vector tuples.
fn families() {
    unsafe {
        let a = bytes(3);
        let b = bytes(200);
        let h = vreinterpretq_s16_u8(a);
        let k = vreinterpretq_s16_u8(b);
        println!("sli {:?}", u8s(vsliq_n_u8::<3>(a, b)));
        let (lo, hi) = (
            vget_low_u64(vreinterpretq_u64_u8(a)),
            vget_high_u64(vreinterpretq_u64_u8(b)),
        );
        println!("sri.1d {:#x}", vget_lane_u64::<0>(vsri_n_u64::<17>(lo, hi)));
        println!("usqadd {:?}", u8s(vsqaddq_u8(a, vreinterpretq_s8_u8(b))));
        println!("suqadd {:?}", i16s(vuqaddq_s16(h, vreinterpretq_u16_u8(b))));
        let x = vld1q_f32([1.5f32, -2.25, 1e-3, 7.0].as_ptr());
        println!("fcvtzs fixed {:?}", i32s(vcvtq_n_s32_f32::<8>(x)));
        println!(
            "ucvtf fixed {:?}",
            f32s(vcvtq_n_f32_u32::<4>(vreinterpretq_u32_u8(a)))
        );
        println!(
            "fcvtzs fixed scalar {}",
            vcvts_n_s32_f32::<3>(black_box(-2.7))
        );
        println!(
            "scvtf fixed scalar {}",
            vcvtd_n_f64_s64::<10>(black_box(-12345))
        );
        println!(
            "sqxtn {:?}",
            std::mem::transmute::<int8x8_t, [i8; 8]>(vqmovn_s16(h))
        );
        println!(
            "rshrn {:?}",
            std::mem::transmute::<int8x8_t, [i8; 8]>(vrshrn_n_s16::<3>(h))
        );
        println!("uaddlp {:?}", u16s(vpaddlq_u8(a)));
        println!(
            "sqdmull {:?}",
            i32s(vqdmull_s16(vget_low_s16(h), vget_high_s16(k)))
        );
        println!(
            "saddlv {} uaddlv {}",
            vaddlvq_s8(vreinterpretq_s8_u8(a)),
            vaddlvq_u16(vreinterpretq_u16_u8(b))
        );
        println!(
            "sqadd.s {} uqsub.d {}",
            vqadds_s32(black_box(i32::MAX - 5), black_box(100)),
            vqsubd_u64(black_box(5), black_box(100))
        );
        println!(
            "fcvtas {} fcvtau {}",
            vcvtas_s32_f32(black_box(-2.5)),
            vcvtad_u64_f64(black_box(2.5))
        );
        println!(
            "frecps {} fmulx {}",
            vrecpss_f32(black_box(1.5), black_box(0.75)),
            vmulxd_f64(black_box(0.0), black_box(f64::INFINITY))
        );
        println!(
            "facge {:#x} fmaxv {}",
            vcages_f32(black_box(-3.0), black_box(2.0)),
            vmaxvq_f32(x)
        );
        let data: [u16; 32] = std::array::from_fn(|i| black_box(i as u16 * 3 + 1));
        let t = vld2q_u16(data.as_ptr());
        println!("ld2 {:?} {:?}", u16s(t.0), u16s(t.1));
        let r = vld3_dup_u16(data[5..].as_ptr());
        println!("ld3r {:?} {:?} {:?}", u16s4(r.0), u16s4(r.1), u16s4(r.2));
        let l = vld4q_lane_u16::<5>(data[7..].as_ptr(), uint16x8x4_t(t.0, t.1, t.1, t.0));
        println!("ld4lane {:?} {:?}", u16s(l.0), u16s(l.3));
        let mut out = [0u16; 24];
        vst2q_u16(out.as_mut_ptr(), uint16x8x2_t(t.1, t.0));
        println!("st2 {:?}", &out[..16]);
        vst1q_u16_x3(out.as_mut_ptr(), uint16x8x3_t(l.1, l.2, t.0));
        vst3q_lane_u16::<6>(out[1..].as_mut_ptr(), uint16x8x3_t(t.0, t.1, l.0));
        println!("st1x3+st3lane {:?}", out);
    }
}

fn crypto() {
    println!("aes detected: {}", is_aarch64_feature_detected!("aes"));
    if is_aarch64_feature_detected!("aes") {
        unsafe {
            let state = vaeseq_u8(bytes(1), bytes(2));
            println!("aese+aesmc {:?}", u8s(vaesmcq_u8(state)));
            let back = vaesdq_u8(bytes(3), bytes(4));
            println!("aesd+aesimc {:?}", u8s(vaesimcq_u8(back)));
        }
    }
    println!("sha2 detected: {}", is_aarch64_feature_detected!("sha2"));
    if is_aarch64_feature_detected!("sha2") {
        unsafe {
            let abcd = vreinterpretq_u32_u8(bytes(5));
            let efgh = vreinterpretq_u32_u8(bytes(6));
            let wk = vreinterpretq_u32_u8(bytes(7));
            println!("sha256h {:?}", u32s(vsha256hq_u32(abcd, efgh, wk)));
            println!("sha256h2 {:?}", u32s(vsha256h2q_u32(abcd, efgh, wk)));
            println!("sha256su0 {:?}", u32s(vsha256su0q_u32(abcd, efgh)));
            println!("sha256su1 {:?}", u32s(vsha256su1q_u32(abcd, efgh, wk)));
            println!("sha1c {:?}", u32s(vsha1cq_u32(abcd, black_box(0x1234_5678), wk)));
            println!("sha1m {:?}", u32s(vsha1mq_u32(abcd, black_box(0x9abc_def0), wk)));
            println!("sha1h {:#x}", vsha1h_u32(black_box(0xdead_beef)));
            println!("sha1su0 {:?}", u32s(vsha1su0q_u32(abcd, efgh, wk)));
        }
    }
    println!("sha3 detected: {}", is_aarch64_feature_detected!("sha3"));
    if is_aarch64_feature_detected!("sha3") {
        unsafe {
            println!("eor3 {:?}", u8s(veor3q_u8(bytes(8), bytes(9), bytes(10))));
            println!("bcax {:?}", u8s(vbcaxq_u8(bytes(8), bytes(9), bytes(10))));
        }
    }
    println!("crc detected: {}", is_aarch64_feature_detected!("crc"));
    if is_aarch64_feature_detected!("crc") {
        let data = b"The quick brown fox jumps over the lazy dog";
        let (mut crc, mut crcc) = (!0u32, !0u32);
        for &byte in data {
            crc = unsafe { __crc32b(crc, black_box(byte)) };
            crcc = unsafe { __crc32cb(crcc, black_box(byte)) };
        }
        println!("crc32 {:#010x} crc32c {:#010x}", !crc, !crcc);
        let word = black_box(0x0123_4567_89ab_cdefu64);
        unsafe {
            println!(
                "crc32h {:#x} crc32w {:#x} crc32d {:#x} crc32cd {:#x}",
                __crc32h(1, word as u16),
                __crc32w(2, word as u32),
                __crc32d(3, word),
                __crc32cd(4, word)
            );
        }
    }
}

fn main() {
    neon();
    families();
    crypto();
    for _ in 0..black_box(3) {
        std::hint::spin_loop();
    }
    println!("spun");
}
