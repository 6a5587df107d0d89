//@ only-arch: x86_64 -- core::arch::x86_64
// core::arch::x86_64 SSE through SSE4.2 (the LLVM intrinsics among them go
// through the backend's vendor-intrinsic table), each family behind
// run-time detection, as real crates use them.
use std::arch::x86_64::*;

fn bytes(v: __m128i) -> [u8; 16] {
    unsafe { std::mem::transmute(v) }
}
fn floats(v: __m128) -> [f32; 4] {
    unsafe { std::mem::transmute(v) }
}
fn doubles(v: __m128d) -> [f64; 2] {
    unsafe { std::mem::transmute(v) }
}
fn seq(start: i8) -> __m128i {
    let mut b = [0i8; 16];
    for (i, x) in b.iter_mut().enumerate() {
        *x = start.wrapping_add((i as i8).wrapping_mul(37));
    }
    unsafe { _mm_loadu_si128(b.as_ptr() as *const __m128i) }
}

#[target_feature(enable = "sse2")]
fn sse2() {
    let a = seq(3);
    let b = seq(-100);
    println!("sse2 madd {:?}", bytes(_mm_madd_epi16(a, b)));
    println!("sse2 sad {:?}", bytes(_mm_sad_epu8(a, b)));
    println!("sse2 sll {:?}", bytes(_mm_sll_epi32(a, _mm_set_epi64x(0, 5))));
    println!("sse2 sra {:?}", bytes(_mm_sra_epi16(b, _mm_set_epi64x(0, 3))));
    println!("sse2 srl {:?}", bytes(_mm_srl_epi64(b, _mm_set_epi64x(0, 9))));
    println!("sse2 packs {:?}", bytes(_mm_packs_epi32(a, b)));
    println!("sse2 packus {:?}", bytes(_mm_packus_epi16(a, b)));
    println!("sse2 mulhi {:?}", bytes(_mm_mulhi_epi16(a, b)));
    println!("sse2 movemask {}", _mm_movemask_epi8(b));
    let x = _mm_set_pd(2.5, -1.25);
    let y = _mm_set_pd(f64::NAN, 3.0);
    println!("sse2 cvtpd {:?}", bytes(_mm_cvtpd_epi32(x)));
    println!("sse2 cvttsd {}", _mm_cvttsd_si32(x));
    println!("sse2 cmpunord {:?}", doubles(_mm_cmpunord_pd(x, y)));
    println!("sse2 max {:?} min {:?}", doubles(_mm_max_pd(x, y)), doubles(_mm_min_sd(x, y)));
    for (i, (p, q)) in [(x, y), (y, x), (x, x)].into_iter().enumerate() {
        println!(
            "sse2 comi {i}: {} {} {} {} {} {} ucomi {} {}",
            _mm_comieq_sd(p, q),
            _mm_comilt_sd(p, q),
            _mm_comile_sd(p, q),
            _mm_comigt_sd(p, q),
            _mm_comige_sd(p, q),
            _mm_comineq_sd(p, q),
            _mm_ucomieq_sd(p, q),
            _mm_ucomineq_sd(p, q)
        );
    }
    let f = _mm_set_ps(1.5, -2.5, 1e10, f32::NAN);
    println!("sse cvtps {:?} cvtss {}", bytes(_mm_cvtps_epi32(f)), _mm_cvtss_si32(f));
    println!("sse rcp-ish {:?}", floats(_mm_max_ps(f, _mm_set1_ps(0.0))));
    println!("sse movemask {}", _mm_movemask_ps(f));
    println!("sse comilt {} {}", _mm_comilt_ss(f, _mm_set1_ps(1.0)), _mm_ucomige_ss(f, f));
}

#[target_feature(enable = "sse3")]
fn sse3() {
    let f = _mm_set_ps(1.0, 2.0, 3.0, 4.5);
    println!("sse3 hadd {:?} addsub {:?}", floats(_mm_hadd_ps(f, f)), floats(_mm_addsub_ps(f, f)));
    let d = _mm_set_pd(1.0, 7.25);
    println!("sse3 hsub {:?}", doubles(_mm_hsub_pd(d, d)));
    let bytes_in = [7u8; 17];
    println!("sse3 lddqu {:?}", bytes(unsafe { _mm_lddqu_si128(bytes_in[1..].as_ptr() as *const __m128i) }));
}

#[target_feature(enable = "ssse3")]
fn ssse3() {
    let a = seq(5);
    let idx = _mm_setr_epi8(15, 14, 13, 12, -1, 0, 1, 2, 3, -128, 7, 7, 7, 8, 9, 10);
    println!("ssse3 pshufb {:?}", bytes(_mm_shuffle_epi8(a, idx)));
    println!("ssse3 maddubs {:?}", bytes(_mm_maddubs_epi16(a, idx)));
    println!("ssse3 mulhrs {:?}", bytes(_mm_mulhrs_epi16(a, idx)));
    println!("ssse3 hadd {:?}", bytes(_mm_hadd_epi16(a, idx)));
    println!("ssse3 hsubs {:?}", bytes(_mm_hsubs_epi16(a, idx)));
    println!("ssse3 sign {:?}", bytes(_mm_sign_epi8(a, idx)));
    println!("ssse3 alignr {:?}", bytes(_mm_alignr_epi8::<5>(a, idx)));
}

#[target_feature(enable = "sse4.1")]
fn sse41() {
    let a = seq(9);
    let b = seq(-7);
    println!("sse41 blendv {:?}", bytes(_mm_blendv_epi8(a, b, seq(1))));
    let f = _mm_set_ps(1.5, -2.5, 3.25, 0.5);
    let g = _mm_set_ps(-1.0, 4.0, 2.0, 8.0);
    println!("sse41 blendvps {:?}", floats(_mm_blendv_ps(f, g, _mm_set_ps(-0.0, 0.0, -1.0, 1.0))));
    println!("sse41 dpps {:?}", floats(_mm_dp_ps::<0xF3>(f, g)));
    println!("sse41 dppd {:?}", doubles(_mm_dp_pd::<0x31>(_mm_set_pd(1.5, 2.0), _mm_set_pd(4.0, -3.0))));
    println!("sse41 round {:?}", floats(_mm_round_ps::<_MM_FROUND_TO_NEAREST_INT>(f)));
    println!("sse41 roundsd {:?}", doubles(_mm_round_sd::<_MM_FROUND_TO_ZERO>(_mm_set1_pd(9.0), _mm_set1_pd(-2.7))));
    println!("sse41 mpsadbw {:?}", bytes(_mm_mpsadbw_epu8::<5>(a, b)));
    println!("sse41 minpos {:?}", bytes(_mm_minpos_epu16(a)));
    println!("sse41 packus {:?}", bytes(_mm_packus_epi32(a, b)));
    println!("sse41 insertps {:?}", floats(_mm_insert_ps::<0x5C>(f, g)));
    println!(
        "sse41 ptest {} {} {}",
        _mm_testz_si128(a, b),
        _mm_testc_si128(a, a),
        _mm_testnzc_si128(a, b)
    );
}

#[target_feature(enable = "sse4.2")]
fn sse42() {
    let hay = unsafe { _mm_loadu_si128(b"hello, world! ab".as_ptr() as *const __m128i) };
    let needle = unsafe { _mm_loadu_si128(b"wor\0............".as_ptr() as *const __m128i) };
    const ORDERED: i32 = _SIDD_CMP_EQUAL_ORDERED;
    const ANY: i32 = _SIDD_CMP_EQUAL_ANY;
    println!("sse42 cmpistri {}", _mm_cmpistri::<ORDERED>(needle, hay));
    println!("sse42 cmpistrm {:?}", bytes(_mm_cmpistrm::<ANY>(needle, hay)));
    println!(
        "sse42 cmpistr flags {} {} {} {} {}",
        _mm_cmpistra::<ANY>(needle, hay),
        _mm_cmpistrc::<ANY>(needle, hay),
        _mm_cmpistro::<ANY>(needle, hay),
        _mm_cmpistrs::<ANY>(needle, hay),
        _mm_cmpistrz::<ANY>(needle, hay)
    );
    println!("sse42 cmpestri {}", _mm_cmpestri::<ORDERED>(needle, 3, hay, 12));
    println!("sse42 cmpestrm {:?}", bytes(_mm_cmpestrm::<ANY>(needle, 2, hay, 16)));
    println!(
        "sse42 cmpestr flags {} {} {} {} {}",
        _mm_cmpestra::<ANY>(needle, 3, hay, 16),
        _mm_cmpestrc::<ANY>(needle, 3, hay, 16),
        _mm_cmpestro::<ANY>(needle, 3, hay, 16),
        _mm_cmpestrs::<ANY>(needle, 3, hay, 16),
        _mm_cmpestrz::<ANY>(needle, 3, hay, 16)
    );
    let mut crc = !0u32;
    for &byte in b"The quick brown fox" {
        crc = _mm_crc32_u8(crc, byte);
    }
    crc = _mm_crc32_u16(crc, 0xBEEF);
    crc = _mm_crc32_u32(crc, 0xDEAD_BEEF);
    println!("sse42 crc32 {:08x} {:016x}", crc, _mm_crc32_u64(crc as u64, 0x0123_4567_89AB_CDEF));
}

fn main() {
    // SSE2 is the x86_64 baseline.
    unsafe { sse2() };
    if is_x86_feature_detected!("sse3") {
        unsafe { sse3() }
    }
    if is_x86_feature_detected!("ssse3") {
        unsafe { ssse3() }
    }
    if is_x86_feature_detected!("sse4.1") {
        unsafe { sse41() }
    }
    if is_x86_feature_detected!("sse4.2") {
        unsafe { sse42() }
    }
}
