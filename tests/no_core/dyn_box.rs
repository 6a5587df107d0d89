// A hand-written owning smart pointer (`MyBox<T: ?Sized>`, backed by malloc)
// with CoerceUnsized/DispatchFromDyn impls so that MyBox<Concrete> coerces to
// MyBox<dyn Trait>, Deref/DerefMut, and a Drop impl that runs the pointee's
// destructor through `drop_in_place` (via the vtable for dyn) and frees with
// the size/alignment read from the vtable.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

struct MyBox<T: ?Sized> {
    ptr: *mut T,
}

impl<T> MyBox<T> {
    fn new(value: T) -> MyBox<T> {
        unsafe {
            let p = libc::malloc(size_of::<T>()) as *mut T;
            p.write(value);
            MyBox { ptr: p }
        }
    }
}

impl<T: ?Sized + Unsize<U>, U: ?Sized> CoerceUnsized<MyBox<U>> for MyBox<T> {}
impl<T: ?Sized + Unsize<U>, U: ?Sized> DispatchFromDyn<MyBox<U>> for MyBox<T> {}

impl<T: ?Sized> Deref for MyBox<T> {
    type Target = T;
    fn deref(&self) -> &T {
        unsafe { &*self.ptr }
    }
}
impl<T: ?Sized> DerefMut for MyBox<T> {
    fn deref_mut(&mut self) -> &mut T {
        unsafe { &mut *self.ptr }
    }
}

impl<T: ?Sized> Drop for MyBox<T> {
    fn drop(&mut self) {
        unsafe {
            let size = size_of_val(&*self.ptr);
            drop_in_place(self.ptr);
            libc::printf(c"  free %zu bytes\n".as_ptr(), size);
            libc::free(self.ptr as *mut u8);
        }
    }
}

trait Animal {
    fn speak(&self) -> &'static str;
    fn age(&self) -> u32;
    fn birthday(&mut self);
}

struct Cat {
    age: u32,
}
struct Whale {
    age: u32,
    weight_kg: [u64; 4],
}

impl Animal for Cat {
    fn speak(&self) -> &'static str {
        "meow"
    }
    fn age(&self) -> u32 {
        self.age
    }
    fn birthday(&mut self) {
        self.age += 1;
    }
}
impl Animal for Whale {
    fn speak(&self) -> &'static str {
        "(whale song)"
    }
    fn age(&self) -> u32 {
        self.age
    }
    fn birthday(&mut self) {
        self.age += 10;
        self.weight_kg[0] += 1000;
    }
}
impl Drop for Cat {
    fn drop(&mut self) {
        print_labeled("  drop Cat aged ", self.age as i64);
    }
}
impl Drop for Whale {
    fn drop(&mut self) {
        print_labeled("  drop Whale weighing ", self.weight_kg[0] as i64);
    }
}

fn introduce(a: &dyn Animal) {
    print_str(a.speak());
    print_labeled(" age ", a.age() as i64);
}

fn main() {
    let mut zoo: [MyBox<dyn Animal>; 3] = [
        MyBox::new(Cat { age: 3 }),
        MyBox::new(Whale { age: 40, weight_kg: [30000, 0, 0, 0] }),
        MyBox::new(Cat { age: 11 }),
    ];
    for a in &zoo {
        introduce(&**a);
    }
    let mut i = 0;
    while i < zoo.len() {
        zoo[i].birthday();
        i += 1;
    }
    let mut ages = 0;
    for a in &zoo {
        ages += a.age();
    }
    print_labeled("total age=", ages as i64);

    {
        print_str("inner scope\n");
        let boxed_int = MyBox::new(12345u64);
        print_labeled("boxed int=", *boxed_int as i64);
        let c: MyBox<dyn Animal> = MyBox::new(Cat { age: 1 });
        introduce(&*c);
        print_str("leaving inner scope\n");
    }
    print_str("end of main\n");
}
