// Checked, overflowing and saturating integer arithmetic on values loaded
// from memory, optimized: rustc's MIR inliner then leaves the overflow flag
// to be tested in another block than the add or multiply (regex-syntax's
// `Seq::max_union_len` made Cranelift's x64 load sinking panic this way).
//@ compile-flags: -Copt-level=2
use std::hint::black_box;

struct Seq {
    len: Option<usize>,
}

#[inline(never)]
fn union_len(a: &Seq, b: &Seq) -> Option<usize> {
    let x = a.len?;
    let y = b.len?;
    Some(x.saturating_add(y))
}

#[inline(never)]
fn sums<T: Copy + std::fmt::Debug>(
    xs: &[(T, T)],
    checked: impl Fn(T, T) -> Option<T>,
    overflowing: impl Fn(T, T) -> (T, bool),
    saturating: impl Fn(T, T) -> T,
) {
    for &(a, b) in xs {
        println!("{a:?} {b:?}: {:?} {:?} {:?}", checked(a, b), overflowing(a, b), saturating(a, b));
    }
}

fn main() {
    let seqs = black_box(vec![
        Seq { len: Some(3) },
        Seq { len: Some(usize::MAX - 1) },
        Seq { len: None },
        Seq { len: Some(usize::MAX) },
    ]);
    for a in &seqs {
        for b in &seqs {
            println!("{:?}", union_len(a, b));
        }
    }
    let u64s = black_box(vec![(1u64, 2u64), (u64::MAX, 1), (1 << 32, 1 << 32), (u64::MAX / 3, 3)]);
    sums(&u64s, u64::checked_add, u64::overflowing_add, u64::saturating_add);
    sums(&u64s, u64::checked_mul, u64::overflowing_mul, u64::saturating_mul);
    let i64s = black_box(vec![(-1i64, i64::MIN), (i64::MAX, 1), (-(1 << 32), 1 << 31), (i64::MIN, -1)]);
    sums(&i64s, i64::checked_add, i64::overflowing_add, i64::saturating_add);
    sums(&i64s, i64::checked_mul, i64::overflowing_mul, i64::saturating_mul);
    let u8s = black_box(vec![(200u8, 55u8), (200, 56), (16, 16), (15, 17)]);
    sums(&u8s, u8::checked_add, u8::overflowing_add, u8::saturating_add);
    sums(&u8s, u8::checked_mul, u8::overflowing_mul, u8::saturating_mul);
    let i8s = black_box(vec![(-128i8, -1i8), (127, 1), (-64, 2), (-65, 2), (11, 12)]);
    sums(&i8s, i8::checked_mul, i8::overflowing_mul, i8::saturating_mul);
    let i32s = black_box(vec![(46341i32, 46341i32), (-46341, 46340), (i32::MIN, 1)]);
    sums(&i32s, i32::checked_mul, i32::overflowing_mul, i32::saturating_mul);
    let u128s = black_box(vec![(u128::MAX, 1u128), (1 << 64, 1 << 63), (1 << 64, 1 << 64), (3, 5)]);
    sums(&u128s, u128::checked_mul, u128::overflowing_mul, u128::saturating_mul);
    sums(&u128s, u128::checked_add, u128::overflowing_add, u128::saturating_add);
    let i128s = black_box(vec![(i128::MIN, -1i128), (1 << 63, -(1 << 64)), (-(1 << 100), 1 << 27)]);
    sums(&i128s, i128::checked_mul, i128::overflowing_mul, i128::saturating_mul);
}
