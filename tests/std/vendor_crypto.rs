//@ only-arch: x86_64 -- core::arch::x86_64
// core::arch::x86_64 AES-NI, PCLMULQDQ, SHA, RDRAND/RDSEED, ADX, and the
// 256-bit VAES and VPCLMULQDQ and the GFNI forms, behind run-time detection
// (the LLVM intrinsics go through the backend's vendor-intrinsic table).
// Nothing AVX-512: the toolchain hides it from run-time detection.
use std::arch::x86_64::*;

fn bytes(v: __m128i) -> [u8; 16] {
    unsafe { std::mem::transmute(v) }
}
fn block(seed: u8) -> __m128i {
    let b: [u8; 16] = std::array::from_fn(|i| seed.wrapping_mul(31).wrapping_add(i as u8 * 17));
    unsafe { std::mem::transmute(b) }
}

#[target_feature(enable = "aes")]
fn aes() {
    let (state, key) = (block(1), block(2));
    println!("aes enc {:?}", bytes(_mm_aesenc_si128(state, key)));
    println!("aes enclast {:?}", bytes(_mm_aesenclast_si128(state, key)));
    println!("aes dec {:?}", bytes(_mm_aesdec_si128(state, key)));
    println!("aes declast {:?}", bytes(_mm_aesdeclast_si128(state, key)));
    println!("aes imc {:?}", bytes(_mm_aesimc_si128(key)));
    println!("aes keygen {:?}", bytes(_mm_aeskeygenassist_si128::<0x1B>(key)));
}

#[target_feature(enable = "pclmulqdq")]
fn pclmul() {
    let (a, b) = (block(3), block(4));
    println!("pclmul 00 {:?}", bytes(_mm_clmulepi64_si128::<0x00>(a, b)));
    println!("pclmul 11 {:?}", bytes(_mm_clmulepi64_si128::<0x11>(a, b)));
    println!("pclmul 10 {:?}", bytes(_mm_clmulepi64_si128::<0x10>(a, b)));
}

#[target_feature(enable = "sha")]
fn sha() {
    let (a, b, c) = (block(5), block(6), block(7));
    println!("sha1 msg1 {:?} msg2 {:?}", bytes(_mm_sha1msg1_epu32(a, b)), bytes(_mm_sha1msg2_epu32(a, b)));
    println!("sha1 nexte {:?}", bytes(_mm_sha1nexte_epu32(a, b)));
    println!("sha1 rnds4 {:?}", bytes(_mm_sha1rnds4_epu32::<2>(a, b)));
    println!("sha256 msg1 {:?} msg2 {:?}", bytes(_mm_sha256msg1_epu32(a, b)), bytes(_mm_sha256msg2_epu32(a, b)));
    println!("sha256 rnds2 {:?}", bytes(_mm_sha256rnds2_epu32(a, b, c)));
}

#[target_feature(enable = "adx")]
fn adx() {
    let mut out = 0u32;
    let carry = _addcarryx_u32(1, u32::MAX, 5, &mut out);
    let mut out64 = 0u64;
    let carry64 = _addcarry_u64(0, u64::MAX - 1, 1, &mut out64);
    let borrow = _subborrow_u32(1, 3, 3, &mut out);
    println!("adx {carry} {carry64} {out64} {borrow} {out}");
}

#[target_feature(enable = "rdrand,rdseed")]
fn random() {
    // The values differ run to run; the success flags and that two draws
    // differ are what can be compared.
    let (mut a, mut b) = (0u64, 0u64);
    let ok = _rdrand64_step(&mut a) + _rdrand64_step(&mut b);
    let mut s = 0u32;
    let seeded = (0..100).any(|_| _rdseed32_step(&mut s) == 1);
    println!("rdrand {ok} differ {} rdseed {seeded}", a != b);
}

#[target_feature(enable = "avx2,vaes,vpclmulqdq")]
fn vaes256() {
    let a = _mm256_set_epi64x(1, -2, 3, -4);
    let b = _mm256_set_epi64x(99, -98, 97, 96);
    let dump = |v: __m256i| unsafe { std::mem::transmute::<__m256i, [u64; 4]>(v) };
    println!("vaes256 {:x?}", dump(_mm256_aesenc_epi128(a, b)));
    println!("vaes256 declast {:x?}", dump(_mm256_aesdeclast_epi128(a, b)));
    println!("vpclmul256 {:x?}", dump(_mm256_clmulepi64_epi128::<0x10>(a, b)));
}

#[target_feature(enable = "gfni")]
fn gfni() {
    let (a, b) = (block(8), block(9));
    println!("gfni mul {:?}", bytes(_mm_gf2p8mul_epi8(a, b)));
    println!("gfni affine {:?}", bytes(_mm_gf2p8affine_epi64_epi8::<0x63>(a, b)));
    println!("gfni affineinv {:?}", bytes(_mm_gf2p8affineinv_epi64_epi8::<0x05>(a, b)));
}

fn main() {
    if is_x86_feature_detected!("aes") {
        unsafe { aes() }
    }
    if is_x86_feature_detected!("pclmulqdq") {
        unsafe { pclmul() }
    }
    if is_x86_feature_detected!("sha") {
        unsafe { sha() }
    }
    if is_x86_feature_detected!("adx") {
        unsafe { adx() }
    }
    if is_x86_feature_detected!("rdrand") && is_x86_feature_detected!("rdseed") {
        unsafe { random() }
    }
    let vaes = is_x86_feature_detected!("vaes") && is_x86_feature_detected!("vpclmulqdq");
    if vaes && is_x86_feature_detected!("avx2") {
        unsafe { vaes256() }
    }
    if is_x86_feature_detected!("gfni") {
        unsafe { gfni() }
    }
}
