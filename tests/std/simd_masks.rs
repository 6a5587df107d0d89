// Tests portable SIMD comparisons, masks (any/all/select/to_bitmask), swizzles (simd_swizzle!, reverse, rotate, interleave), gather/scatter-free lookups, and casts.
#![feature(portable_simd)]
use std::hint::black_box;
use std::simd::cmp::{SimdOrd, SimdPartialEq, SimdPartialOrd};
use std::simd::num::{SimdFloat, SimdInt};
use std::simd::{f32x4, f32x8, i32x4, i32x8, mask32x4, simd_swizzle, u8x8, Mask, Select, Simd};

fn count_less_than(data: &[i32], t: i32) -> usize {
    let thr = i32x8::splat(t);
    let mut n = 0;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let v = i32x8::from_slice(c);
        n += v.simd_lt(thr).to_bitmask().count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&x| x < t).count()
}

fn main() {
    let a = black_box(i32x4::from_array([1, 5, -3, 8]));
    let b = black_box(i32x4::from_array([2, 5, -4, 10]));
    let lt = a.simd_lt(b);
    let eq = a.simd_eq(b);
    let ge = a.simd_ge(b);
    println!("lt={:?} eq={:?} ge={:?}", lt.to_array(), eq.to_array(), ge.to_array());
    println!("any lt {} all lt {} any eq {} all ge {}", lt.any(), lt.all(), eq.any(), ge.all());
    println!("bitmasks lt={:#06b} eq={:#06b} ge={:#06b}", lt.to_bitmask(), eq.to_bitmask(), ge.to_bitmask());
    println!("select(lt, a, b)={:?}", lt.select(a, b).to_array());
    println!("!lt={:?} lt&ge={:?} lt|eq={:?} lt^ge={:?}", (!lt).to_array(), (lt & ge).to_array(), (lt | eq).to_array(), (lt ^ ge).to_array());
    println!("simd_max={:?} simd_min={:?} clamp={:?}", a.simd_max(b).to_array(), a.simd_min(b).to_array(), a.simd_clamp(i32x4::splat(0), i32x4::splat(6)).to_array());
    let m = mask32x4::from_array([true, false, false, true]);
    println!("mask test(0)={} test(1)={} from_bitmask {:?}", m.test(0), m.test(1), mask32x4::from_bitmask(0b0110).to_array());
    let mut mm = m;
    mm.set(1, true);
    println!("after set {:?} int repr {:?}", mm.to_array(), mm.to_simd().to_array());
    println!("first_set {:?} none first_set {:?}", m.first_set(), mask32x4::splat(false).first_set());

    let f = black_box(f32x4::from_array([1.0, f32::NAN, -0.0, f32::INFINITY]));
    let g = black_box(f32x4::from_array([1.0, 1.0, 0.0, 1e30]));
    println!("f==g {:?} f<g {:?} f>g {:?} is_nan {:?} is_finite {:?} is_sign_neg {:?}", f.simd_eq(g).to_array(), f.simd_lt(g).to_array(), f.simd_gt(g).to_array(), f.is_nan().to_array(), f.is_finite().to_array(), f.is_sign_negative().to_array());
    let clean = f.is_nan().select(f32x4::splat(0.0), f);
    println!("nan->0 {:?} sum {}", clean.to_array(), clean.simd_min(f32x4::splat(100.0)).reduce_sum());

    let v = i32x8::from_array([10, 11, 12, 13, 14, 15, 16, 17]);
    let rev = v.reverse();
    let rl = v.rotate_elements_left::<3>();
    let rr = v.rotate_elements_right::<2>();
    println!("reverse {:?}\nrotl3 {:?}\nrotr2 {:?}", rev.to_array(), rl.to_array(), rr.to_array());
    let sw = simd_swizzle!(v, [7, 0, 6, 1]);
    println!("swizzle [7,0,6,1] {:?}", sw.to_array());
    let two = simd_swizzle!(v, rev, [0, 8, 1, 9, 2, 10, 3, 11]);
    println!("two-vector swizzle {:?}", two.to_array());
    let (lo, hi) = v.interleave(rev);
    println!("interleave lo {:?} hi {:?}", lo.to_array(), hi.to_array());
    let (e, o) = lo.deinterleave(hi);
    println!("deinterleave {:?} {:?}", e.to_array(), o.to_array());
    let dup = simd_swizzle!(a, [0, 0, 3, 3, 1, 2, 2, 1]);
    println!("widen swizzle {:?}", dup.to_array());
    let resized: i32x8 = a.resize::<8>(-1);
    println!("resize {:?}", resized.to_array());

    let table = [0u8, 1, 4, 9, 16, 25, 36, 49, 64, 81];
    let idx = Simd::<usize, 8>::from_array([0, 3, 9, 2, 15, 1, 7, 100]);
    let gathered = Simd::gather_or(&table, idx, Simd::splat(255u8));
    println!("gather_or {:?}", gathered.to_array());
    let bytes = u8x8::from_array(*b"HeLLo Wd");
    let is_upper = bytes.simd_ge(u8x8::splat(b'A')) & bytes.simd_le(u8x8::splat(b'Z'));
    let lowered = is_upper.select(bytes + u8x8::splat(32), bytes);
    println!("to lower: {:?}", String::from_utf8(lowered.to_array().to_vec()).unwrap());

    let data: Vec<i32> = (0..37).map(|i| (i * 37 % 101) - 50).collect();
    println!("count < 0: simd {} scalar {}", count_less_than(&data, 0), data.iter().filter(|&&x| x < 0).count());
    println!("count < 20: simd {} scalar {}", count_less_than(&data, 20), data.iter().filter(|&&x| x < 20).count());

    let fl = f32x8::from_array([0.5, -1.5, 2.5, -3.5, 1e10, -1e10, 255.9, -0.9]);
    println!("f32->i32 {:?}", fl.cast::<i32>().to_array());
    println!("f32->u8 {:?}", fl.cast::<u8>().to_array());
    println!("f32->f64 {:?}", fl.cast::<f64>().to_array());
    println!("i32->f32 {:?}", i32x4::from_array([16777217, -7, 0, i32::MIN]).cast::<f32>().to_array());
    let bits = f32x4::from_array([1.0, -2.0, 0.0, 0.5]).to_bits();
    println!("to_bits {:x?}", bits.to_array());
    let wide_mask: Mask<i64, 4> = lt.cast();
    println!("mask cast {:?}", wide_mask.to_array());
    println!("abs min {:?}", i32x4::from_array([i32::MIN, -1, 0, 1]).abs().to_array());
}
