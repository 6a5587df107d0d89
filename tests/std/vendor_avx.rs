//@ only-arch: x86_64 -- core::arch::x86_64
// core::arch::x86_64 AVX, AVX2, FMA, F16C, BMI1/2, LZCNT and POPCNT behind
// run-time detection (the LLVM intrinsics among them go through the
// backend's vendor-intrinsic table).
use std::arch::x86_64::*;

fn bytes(v: __m256i) -> [u8; 32] {
    unsafe { std::mem::transmute(v) }
}
fn floats(v: __m256) -> [f32; 8] {
    unsafe { std::mem::transmute(v) }
}
fn doubles(v: __m256d) -> [f64; 4] {
    unsafe { std::mem::transmute(v) }
}
fn seq(start: i8) -> __m256i {
    let mut b = [0i8; 32];
    for (i, x) in b.iter_mut().enumerate() {
        *x = start.wrapping_add((i as i8).wrapping_mul(29));
    }
    unsafe { _mm256_loadu_si256(b.as_ptr() as *const __m256i) }
}

#[target_feature(enable = "avx")]
fn avx() {
    let f = _mm256_setr_ps(1.5, -2.5, 3.25, 0.5, -7.0, 8.5, f32::NAN, 2.0);
    let g = _mm256_setr_ps(-1.0, 4.0, 2.0, 8.0, 1.0, -0.5, 3.0, 2.0);
    println!("avx dp {:?}", floats(_mm256_dp_ps::<0x71>(f, g)));
    println!("avx round {:?}", floats(_mm256_round_ps::<_MM_FROUND_TO_NEG_INF>(f)));
    println!("avx cmp {:?}", floats(_mm256_cmp_ps::<_CMP_LT_OQ>(f, g)));
    println!("avx cmpord {:?}", floats(_mm256_cmp_ps::<_CMP_UNORD_Q>(f, g)));
    println!("avx max {:?} min {:?}", floats(_mm256_max_ps(f, g)), floats(_mm256_min_ps(g, f)));
    println!("avx hadd {:?}", floats(_mm256_hadd_ps(f, g)));
    println!("avx addsub {:?}", floats(_mm256_addsub_ps(f, g)));
    println!("avx permilvar {:?}", floats(_mm256_permutevar_ps(f, _mm256_setr_epi32(3, 2, 1, 0, 0, 0, 1, 1))));
    println!("avx blendv {:?}", floats(_mm256_blendv_ps(f, g, f)));
    println!("avx cvt {:?}", bytes(_mm256_cvtps_epi32(g)));
    println!("avx cvttpd {:?}", _mm256_cvttpd_epi32(_mm256_setr_pd(1.9, -2.9, 1e12, 4.0)));
    println!("avx rsqrt-free sqrt {:?}", doubles(_mm256_sqrt_pd(_mm256_setr_pd(4.0, 2.0, 9.0, 0.25))));
    println!("avx movemask {} {}", _mm256_movemask_ps(f), _mm256_movemask_pd(_mm256_setr_pd(-1.0, 1.0, -0.0, 0.0)));
    println!(
        "avx test {} {} {} {} {}",
        _mm256_testz_si256(seq(1), seq(2)),
        _mm256_testc_si256(seq(1), seq(1)),
        _mm256_testnzc_si256(seq(1), seq(3)),
        _mm256_testz_ps(f, g),
        _mm_testc_pd(_mm_set1_pd(-1.0), _mm_set1_pd(1.0))
    );
    let bytes_in = [3u8; 40];
    println!("avx lddqu {:?}", bytes(unsafe { _mm256_lddqu_si256(bytes_in[3..].as_ptr() as *const __m256i) }));
}

#[target_feature(enable = "avx2")]
fn avx2() {
    let a = seq(11);
    let b = seq(-90);
    println!("avx2 pshufb {:?}", bytes(_mm256_shuffle_epi8(a, b)));
    println!("avx2 permd {:?}", bytes(_mm256_permutevar8x32_epi32(a, _mm256_setr_epi32(7, 0, 6, 1, 5, 2, 4, 3))));
    println!("avx2 permps {:?}", floats(_mm256_permutevar8x32_ps(_mm256_castsi256_ps(a), _mm256_setr_epi32(1, 1, 0, 7, 2, 3, 6, 5))));
    println!("avx2 maddubs {:?}", bytes(_mm256_maddubs_epi16(a, b)));
    println!("avx2 madd {:?}", bytes(_mm256_madd_epi16(a, b)));
    println!("avx2 mulhrs {:?}", bytes(_mm256_mulhrs_epi16(a, b)));
    println!("avx2 sad {:?}", bytes(_mm256_sad_epu8(a, b)));
    println!("avx2 packus {:?}", bytes(_mm256_packus_epi16(a, b)));
    println!("avx2 packs {:?}", bytes(_mm256_packs_epi32(a, b)));
    println!("avx2 hadd {:?}", bytes(_mm256_hadds_epi16(a, b)));
    println!("avx2 sign {:?}", bytes(_mm256_sign_epi16(a, b)));
    println!("avx2 sllv {:?}", bytes(_mm256_sllv_epi32(a, _mm256_setr_epi32(0, 1, 5, 31, 32, 40, 3, 2))));
    println!("avx2 srav {:?}", bytes(_mm256_srav_epi32(b, _mm256_setr_epi32(0, 1, 5, 31, 32, 40, 3, 2))));
    println!("avx2 sll {:?}", bytes(_mm256_sll_epi16(a, _mm_set_epi64x(0, 3))));
    println!("avx2 mpsadbw {:?}", bytes(_mm256_mpsadbw_epu8::<0b101101>(a, b)));
    println!("avx2 movemask {}", _mm256_movemask_epi8(b));
    println!("avx2 blendv {:?}", bytes(_mm256_blendv_epi8(a, b, seq(64))));
    println!("avx2 alignr {:?}", bytes(_mm256_alignr_epi8::<7>(a, b)));
    println!("avx2 perm2i128 {:?}", bytes(_mm256_permute2x128_si256::<0x31>(a, b)));
    let data: Vec<i32> = (0..64).map(|i| i * 3 - 50).collect();
    let idx = _mm256_setr_epi32(0, 9, 63, 4, 17, 2, 33, 8);
    let gathered = unsafe { _mm256_i32gather_epi32::<4>(data.as_ptr(), idx) };
    println!("avx2 gather {:?}", bytes(gathered));
}

#[target_feature(enable = "fma")]
fn fma() {
    let a = _mm256_setr_pd(1.0 + f64::EPSILON, 3.0, -2.0, 0.1);
    let b = _mm256_setr_pd(1.0 - f64::EPSILON, 7.0, 5.0, 10.0);
    let c = _mm256_set1_pd(-1.0);
    println!("fma {:?}", doubles(_mm256_fmadd_pd(a, b, c)));
    println!("fma addsub {:?}", doubles(_mm256_fmaddsub_pd(a, b, c)));
}

#[target_feature(enable = "f16c")]
fn f16c() {
    let f = _mm_setr_ps(1.0, -2.5, 65504.0, 1e-7);
    let h = _mm_cvtps_ph::<_MM_FROUND_TO_NEAREST_INT>(f);
    let back: [f32; 4] = unsafe { std::mem::transmute(_mm_cvtph_ps(h)) };
    println!("f16c {:?} {back:?}", unsafe { std::mem::transmute::<__m128i, [u16; 8]>(h) });
}

#[target_feature(enable = "bmi1,bmi2,lzcnt,popcnt")]
fn bits() {
    let x = 0x0123_4567_89AB_CDEFu64;
    println!(
        "bmi {} {} {} {} {}",
        _bextr_u64(x, 8, 12),
        _blsr_u64(x),
        _tzcnt_u64(x << 4),
        _andn_u64(x, !0),
        _bextr2_u32(0xDEAD_BEEF, 0x0804)
    );
    println!(
        "bmi2 {} {} {} {}",
        _pdep_u64(x, 0xF0F0_F0F0_F0F0_F0F0),
        _pext_u64(x, 0xFF00_FF00_FF00_FF00),
        _bzhi_u32(0xFFFF_FFFF, 13),
        _pdep_u32(0b1011, 0xF00F)
    );
    let mut hi = 0u64;
    println!("bmi2 mulx {} {hi}", _mulx_u64(x, 0xFFFF_FFFF_0000_0001, &mut hi));
    println!("lzcnt {} popcnt {}", _lzcnt_u64(x >> 7), _popcnt64(x as i64));
}

fn main() {
    if is_x86_feature_detected!("avx") {
        unsafe { avx() }
    }
    if is_x86_feature_detected!("avx2") {
        unsafe { avx2() }
    }
    if is_x86_feature_detected!("fma") {
        unsafe { fma() }
    }
    if is_x86_feature_detected!("f16c") {
        unsafe { f16c() }
    }
    if is_x86_feature_detected!("bmi1")
        && is_x86_feature_detected!("bmi2")
        && is_x86_feature_detected!("lzcnt")
        && is_x86_feature_detected!("popcnt")
    {
        unsafe { bits() }
    }
}
