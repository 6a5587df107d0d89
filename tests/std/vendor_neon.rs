//@ only-arch: aarch64 -- core::arch::aarch64
// core::arch::aarch64 NEON, AES, SHA-1/SHA-256, SHA3 and CRC32 (the LLVM
// intrinsics among them go through the backend's vendor-intrinsic table),
// the crypto families behind run-time detection, and core::hint::spin_loop
// (`isb sy`).
use std::arch::aarch64::*;
use std::arch::is_aarch64_feature_detected;
use std::hint::black_box;

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
    crypto();
    for _ in 0..black_box(3) {
        std::hint::spin_loop();
    }
    println!("spun");
}
