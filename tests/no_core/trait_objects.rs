// Trait objects: &dyn and &mut dyn with several implementations, vtable
// dispatch in loops over arrays of &dyn, default methods called through the
// vtable, supertrait methods on a dyn subtrait, generic methods excluded from
// the vtable with `where Self: Sized`, dyn objects of different sizes
// (size_of_val/align_of_val read from the vtable), and unsizing coercions
// from &T, &[T; N] to &[T].
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

trait Named {
    fn name(&self) -> &'static str;
}

trait Instrument: Named {
    fn play(&self, times: u32) -> u32;
    fn loudness(&self) -> i32 {
        5
    }
    fn tune(&mut self, delta: i32);
    /// Not callable on dyn Instrument; only via concrete types.
    fn duet<O: Instrument>(&self, other: &O) -> u32
    where
        Self: Sized,
    {
        self.play(1) + other.play(1)
    }
}

struct Drum {
    hits: u32,
}
struct Violin {
    pitch: i32,
    strings: [u8; 4],
}
struct Triangle;

impl Named for Drum {
    fn name(&self) -> &'static str {
        "drum"
    }
}
impl Named for Violin {
    fn name(&self) -> &'static str {
        "violin"
    }
}
impl Named for Triangle {
    fn name(&self) -> &'static str {
        "triangle"
    }
}

impl Instrument for Drum {
    fn play(&self, times: u32) -> u32 {
        self.hits * times
    }
    fn loudness(&self) -> i32 {
        9
    }
    fn tune(&mut self, delta: i32) {
        self.hits = (self.hits as i32 + delta) as u32;
    }
}
impl Instrument for Violin {
    fn play(&self, times: u32) -> u32 {
        (self.pitch as u32 + self.strings[0] as u32) * times
    }
    fn tune(&mut self, delta: i32) {
        self.pitch += delta;
        self.strings[0] += 1;
    }
}
impl Instrument for Triangle {
    fn play(&self, times: u32) -> u32 {
        times
    }
    fn loudness(&self) -> i32 {
        1
    }
    fn tune(&mut self, _delta: i32) {}
}

#[inline(never)]
fn perform(i: &dyn Instrument, times: u32) -> u32 {
    // `name` comes from the supertrait, through the same vtable.
    print_str(i.name());
    let score = i.play(times);
    unsafe {
        libc::printf(c": play(%u)=%u loudness=%d size=%zu align=%zu\n".as_ptr(), times, score, i.loudness(),
            size_of_val(i), align_of_val(i));
    }
    score
}

fn retune(i: &mut dyn Instrument, delta: i32) {
    i.tune(delta);
}

fn as_named(i: &dyn Named) -> &'static str {
    i.name()
}

/// Shapes with a `&dyn` returning helper.
trait Area {
    fn area(&self) -> f64;
}
struct Sq(f64);
struct Rect(f64, f64);
impl Area for Sq {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}
impl Area for Rect {
    fn area(&self) -> f64 {
        self.0 * self.1
    }
}
impl Area for f64 {
    fn area(&self) -> f64 {
        *self
    }
}

fn bigger<'a>(a: &'a dyn Area, b: &'a dyn Area) -> &'a dyn Area {
    if a.area() >= b.area() { a } else { b }
}

fn sum_slice(xs: &[u32]) -> u32 {
    let mut s = 0;
    for x in xs {
        s += *x;
    }
    s
}

fn main() {
    let mut drum = Drum { hits: 3 };
    let mut violin = Violin { pitch: 440, strings: [1, 2, 3, 4] };
    let tri = Triangle;

    let band: [&dyn Instrument; 3] = [&drum, &violin, &tri];
    let mut total = 0;
    let mut k = 0;
    while k < band.len() {
        total += perform(band[k], k as u32 + 2);
        k += 1;
    }
    print_labeled("total=", total as i64);

    retune(&mut drum, 4);
    retune(&mut violin, -40);
    let mut tri2 = Triangle;
    let tunables: [&mut dyn Instrument; 1] = [&mut tri2];
    tunables[0].tune(100);
    perform(&drum, 1);
    perform(&violin, 1);
    print_labeled("duet=", drum.duet(&violin) as i64);

    print_str(as_named(&tri));
    print_str(" ");
    print_str(as_named(&violin));
    print_str("\n");

    let s = Sq(3.0);
    let r = Rect(2.0, 5.0);
    let f = 12.25f64;
    let b1 = bigger(&s, &r);
    let b2 = bigger(&f, b1);
    unsafe {
        libc::printf(c"bigger: %g then %g\n".as_ptr(), b1.area(), b2.area());
    }

    // Unsizing: &[u32; N] -> &[u32].
    let arr = [1u32, 2, 3, 4, 5, 6];
    let whole: &[u32] = &arr;
    print_labeled("sum whole=", sum_slice(whole) as i64);
    print_labeled("sum array=", sum_slice(&arr) as i64);
    print_labeled("sum middle=", sum_slice(whole.sub(2, 4)) as i64);
}
