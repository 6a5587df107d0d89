//! `mini_core`: the tiny core library of the clif-toolchain `no_core` test suite.
//!
//! Every program in `tests/no_core/` is a `#![no_core]` binary that links against
//! this rlib instead of the real `core`/`std`. It provides just enough of the
//! language's lang items, intrinsics and operator traits for rustc 1.96 to
//! type-check and code-generate ordinary Rust programs, plus a handful of
//! helpers on top of libc for printing.
//!
//! Design notes:
//! * Everything the compiler needs is declared the way 1.96's `core` does it
//!   (`#[lang = "..."]` items, `#[rustc_intrinsic]` functions), but reduced to
//!   the minimum: no formatting machinery, no `Result`, no `?`.
//! * Output goes through libc. `print_str` flushes stdio before calling
//!   `write(2)` so that it can be freely mixed with `printf` even when stdout
//!   is a pipe.
//! * A panic prints `panicked at <file>:<line>:<col>: <message>` on **stdout**
//!   (file = basename of the source file, so the output does not depend on the
//!   directory the compiler was invoked from) and then calls `exit(101)`, which
//!   flushes stdio. Printing to stdout makes the panic message part of what the
//!   test runner compares between the LLVM and the Cranelift build.
//! * The `start` lang item records `argc`/`argv` (see [`argc`] and [`arg`]) and
//!   turns the value returned by `main` into the exit status through the
//!   [`Termination`] trait (implemented for `()`, `i32`, `u8`, `bool` and
//!   [`ExitCode`]).
//! * The library links `libc` and `libm` (the latter for `fmod`, which the
//!   float `%` operator lowers to).

#![feature(
    no_core,
    lang_items,
    rustc_attrs,
    intrinsics,
    unboxed_closures,
    fundamental,
    auto_traits,
    negative_impls,
    decl_macro,
    never_type,
    const_trait_impl,
    freeze_impls
)]
#![no_core]
#![rustc_coherence_is_core]
#![allow(internal_features, non_camel_case_types, dead_code, unused_variables)]

// ---------------------------------------------------------------------------
// Marker traits
// ---------------------------------------------------------------------------

/// Types that may or may not have a size (the root of the sized hierarchy).
#[lang = "pointee_sized"]
#[fundamental]
#[rustc_specialization_trait]
#[rustc_deny_explicit_impl]
#[rustc_coinductive]
pub trait PointeeSized {}

/// Types whose size can be computed from pointer metadata.
#[lang = "meta_sized"]
#[fundamental]
#[rustc_specialization_trait]
#[rustc_deny_explicit_impl]
#[rustc_coinductive]
pub trait MetaSized: PointeeSized {}

/// Types with a size known at compile time.
#[lang = "sized"]
#[fundamental]
#[rustc_specialization_trait]
#[rustc_deny_explicit_impl]
#[rustc_coinductive]
pub trait Sized: MetaSized {}

/// Types that can be unsized to `T` (`[u8; 4]: Unsize<[u8]>`, `S: Unsize<dyn Tr>`).
#[lang = "unsize"]
pub trait Unsize<T: ?Sized> {}

/// Enables unsizing coercions of pointer types (`&[u8; 4]` -> `&[u8]`).
#[lang = "coerce_unsized"]
pub trait CoerceUnsized<T: ?Sized> {}

impl<'a, 'b: 'a, T: ?Sized + Unsize<U>, U: ?Sized> CoerceUnsized<&'a U> for &'b T {}
impl<'a, T: ?Sized + Unsize<U>, U: ?Sized> CoerceUnsized<&'a mut U> for &'a mut T {}
impl<'a, 'b: 'a, T: ?Sized + Unsize<U>, U: ?Sized> CoerceUnsized<&'a U> for &'b mut T {}
impl<'a, T: ?Sized + Unsize<U>, U: ?Sized> CoerceUnsized<*const U> for &'a T {}
impl<'a, T: ?Sized + Unsize<U>, U: ?Sized> CoerceUnsized<*mut U> for &'a mut T {}
impl<T: ?Sized + Unsize<U>, U: ?Sized> CoerceUnsized<*const U> for *const T {}
impl<T: ?Sized + Unsize<U>, U: ?Sized> CoerceUnsized<*mut U> for *mut T {}

/// Types usable as `self` of a method called through a trait object.
#[lang = "dispatch_from_dyn"]
pub trait DispatchFromDyn<T> {}

impl<'a, T: ?Sized + Unsize<U>, U: ?Sized> DispatchFromDyn<&'a U> for &'a T {}
impl<'a, T: ?Sized + Unsize<U>, U: ?Sized> DispatchFromDyn<&'a mut U> for &'a mut T {}
impl<T: ?Sized + Unsize<U>, U: ?Sized> DispatchFromDyn<*const U> for *const T {}
impl<T: ?Sized + Unsize<U>, U: ?Sized> DispatchFromDyn<*mut U> for *mut T {}

/// Pointer types that may be used as a method receiver.
#[lang = "legacy_receiver"]
pub trait LegacyReceiver {}

impl<T: ?Sized> LegacyReceiver for &T {}
impl<T: ?Sized> LegacyReceiver for &mut T {}

/// Types whose values can be duplicated by copying bits.
#[lang = "copy"]
pub trait Copy: Clone {}

/// Explicit duplication.
#[lang = "clone"]
pub trait Clone: Sized {
    fn clone(&self) -> Self;
}

macro_rules! impl_copy_clone {
    ($($t:ty)*) => {$(
        impl Copy for $t {}
        impl Clone for $t {
            #[inline]
            fn clone(&self) -> Self { *self }
        }
    )*};
}
impl_copy_clone!(bool char u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64);

impl Copy for ! {}
impl Clone for ! {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for *const T {}
impl<T: ?Sized> Clone for *const T {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: ?Sized> Copy for *mut T {}
impl<T: ?Sized> Clone for *mut T {
    fn clone(&self) -> Self {
        *self
    }
}
/// Arrays of `Copy` elements are `Copy` (tuples, closures and function
/// pointers get their `Copy`/`Clone` impls from the compiler).
impl<T: Copy, const N: usize> Copy for [T; N] {}
impl<T: Copy, const N: usize> Clone for [T; N] {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: ?Sized> Copy for &T {}
impl<T: ?Sized> Clone for &T {
    fn clone(&self) -> Self {
        *self
    }
}

/// Types that are safe to share between threads (required for `static`s).
#[lang = "sync"]
pub unsafe auto trait Sync {}

/// Types that are safe to move to another thread.
pub unsafe auto trait Send {}

/// Types without interior mutability (lets statics live in read-only memory).
#[lang = "freeze"]
pub unsafe auto trait Freeze {}

impl<T: ?Sized> !Freeze for UnsafeCell<T> {}

/// Types that can be moved after being pinned (optimized builds ask for it
/// when deciding whether `&mut T` may be marked `noalias`).
#[lang = "unpin"]
pub auto trait Unpin {}

/// Like `Unpin`, for the `noalias` decision on `&T`/`&mut T` in optimized builds.
#[lang = "unsafe_unpin"]
pub unsafe auto trait UnsafeUnpin {}

/// Types that can be dropped in a `const fn` (needed as soon as a `const fn`
/// takes a generic value by value).
#[lang = "destruct"]
#[rustc_deny_explicit_impl]
pub const trait Destruct {}

/// Tuples (used by the `Fn*` traits' argument lists).
#[lang = "tuple_trait"]
pub trait Tuple {}

/// Types that can be used as const generic parameters.
#[lang = "const_param_ty"]
pub trait ConstParamTy {}

/// Marks types whose `PartialEq` is structural (needed for constants in patterns).
#[lang = "structural_peq"]
pub trait StructuralPartialEq {}

/// Zero-sized marker "acting like" it owns a `T`.
#[lang = "phantom_data"]
pub struct PhantomData<T: ?Sized>;

impl<T: ?Sized> Copy for PhantomData<T> {}
impl<T: ?Sized> Clone for PhantomData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

/// The primitive of interior mutability.
#[lang = "unsafe_cell"]
#[repr(transparent)]
pub struct UnsafeCell<T: ?Sized> {
    value: T,
}

impl<T> UnsafeCell<T> {
    pub const fn new(value: T) -> UnsafeCell<T> {
        UnsafeCell { value }
    }
    pub fn get(&self) -> *mut T {
        self as *const UnsafeCell<T> as *const T as *mut T
    }
}

/// A minimal `Cell` for `Copy` types, built on [`UnsafeCell`].
#[repr(transparent)]
pub struct Cell<T> {
    value: UnsafeCell<T>,
}

impl<T: Copy> Cell<T> {
    pub const fn new(value: T) -> Cell<T> {
        Cell { value: UnsafeCell::new(value) }
    }
    pub fn get(&self) -> T {
        unsafe { *self.value.get() }
    }
    pub fn set(&self, value: T) {
        unsafe {
            *self.value.get() = value;
        }
    }
}

unsafe impl<T> Sync for Cell<T> {}

// ---------------------------------------------------------------------------
// Drop
// ---------------------------------------------------------------------------

/// Custom destructors.
#[lang = "drop"]
pub trait Drop {
    fn drop(&mut self);
}

/// Runs the destructor of `*to_drop` (the body is replaced by a compiler-generated shim).
#[lang = "drop_in_place"]
#[allow(unconditional_recursion)]
pub unsafe fn drop_in_place<T: ?Sized>(to_drop: *mut T) {
    unsafe { drop_in_place(to_drop) }
}

/// Drops a value (moves it into this function, which drops it on return).
pub fn drop<T>(_x: T) {}

/// Takes ownership of a value without running its destructor.
pub fn forget<T>(x: T) {
    intrinsics::forget(x)
}

// ---------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------

macro_rules! binop_traits {
    ($($Trait:ident $lang:literal $method:ident, $AssignTrait:ident $alang:literal $amethod:ident;)*) => {$(
        #[lang = $lang]
        pub trait $Trait<Rhs = Self> {
            type Output;
            #[must_use]
            fn $method(self, rhs: Rhs) -> Self::Output;
        }
        #[lang = $alang]
        pub trait $AssignTrait<Rhs = Self> {
            fn $amethod(&mut self, rhs: Rhs);
        }
    )*};
}
binop_traits! {
    Add "add" add, AddAssign "add_assign" add_assign;
    Sub "sub" sub, SubAssign "sub_assign" sub_assign;
    Mul "mul" mul, MulAssign "mul_assign" mul_assign;
    Div "div" div, DivAssign "div_assign" div_assign;
    Rem "rem" rem, RemAssign "rem_assign" rem_assign;
    BitAnd "bitand" bitand, BitAndAssign "bitand_assign" bitand_assign;
    BitOr "bitor" bitor, BitOrAssign "bitor_assign" bitor_assign;
    BitXor "bitxor" bitxor, BitXorAssign "bitxor_assign" bitxor_assign;
    Shl "shl" shl, ShlAssign "shl_assign" shl_assign;
    Shr "shr" shr, ShrAssign "shr_assign" shr_assign;
}

/// Unary `-`.
#[lang = "neg"]
pub trait Neg {
    type Output;
    fn neg(self) -> Self::Output;
}

/// Unary `!`.
#[lang = "not"]
pub trait Not {
    type Output;
    fn not(self) -> Self::Output;
}

// The bodies below use the built-in operators on primitives (typeck resolves
// `self + rhs` on two integers to the intrinsic operation, not to a call), so
// overflow checks are emitted in the *caller* as usual.
macro_rules! impl_binop {
    ($Trait:ident $method:ident $AssignTrait:ident $amethod:ident $op:tt; $($t:ty)*) => {$(
        impl $Trait for $t {
            type Output = $t;
            #[inline]
            #[track_caller]
            fn $method(self, rhs: $t) -> $t { self $op rhs }
        }
        impl $AssignTrait for $t {
            #[inline]
            #[track_caller]
            fn $amethod(&mut self, rhs: $t) { *self = *self $op rhs; }
        }
    )*};
}
macro_rules! impl_arith {
    ($($t:ty)*) => {
        impl_binop!(Add add AddAssign add_assign +; $($t)*);
        impl_binop!(Sub sub SubAssign sub_assign -; $($t)*);
        impl_binop!(Mul mul MulAssign mul_assign *; $($t)*);
        impl_binop!(Div div DivAssign div_assign /; $($t)*);
        impl_binop!(Rem rem RemAssign rem_assign %; $($t)*);
    };
}
macro_rules! impl_bits {
    ($($t:ty)*) => {
        impl_binop!(BitAnd bitand BitAndAssign bitand_assign &; $($t)*);
        impl_binop!(BitOr bitor BitOrAssign bitor_assign |; $($t)*);
        impl_binop!(BitXor bitxor BitXorAssign bitxor_assign ^; $($t)*);
        $(impl Not for $t {
            type Output = $t;
            #[inline]
            fn not(self) -> $t { !self }
        })*
    };
}
macro_rules! impl_neg {
    ($($t:ty)*) => {$(
        impl Neg for $t {
            type Output = $t;
            #[inline]
            #[track_caller]
            fn neg(self) -> $t { -self }
        }
    )*};
}
// Shifts accept any integer type as the right-hand side.
macro_rules! impl_shift_rhs {
    ($t:ty; $($r:ty)*) => {$(
        impl Shl<$r> for $t {
            type Output = $t;
            #[inline]
            #[track_caller]
            fn shl(self, rhs: $r) -> $t { self << rhs }
        }
        impl Shr<$r> for $t {
            type Output = $t;
            #[inline]
            #[track_caller]
            fn shr(self, rhs: $r) -> $t { self >> rhs }
        }
        impl ShlAssign<$r> for $t {
            #[inline]
            #[track_caller]
            fn shl_assign(&mut self, rhs: $r) { *self = *self << rhs; }
        }
        impl ShrAssign<$r> for $t {
            #[inline]
            #[track_caller]
            fn shr_assign(&mut self, rhs: $r) { *self = *self >> rhs; }
        }
    )*};
}
macro_rules! impl_shift {
    ($($t:ty)*) => {$(
        impl_shift_rhs!($t; u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);
    )*};
}

impl_arith!(u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64);
impl_bits!(u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize bool);
impl_neg!(i8 i16 i32 i64 i128 isize f32 f64);
impl_shift!(u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);

// ---------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------

/// `==` and `!=`.
#[lang = "eq"]
pub trait PartialEq<Rhs: ?Sized = Self> {
    fn eq(&self, other: &Rhs) -> bool;
    fn ne(&self, other: &Rhs) -> bool {
        !self.eq(other)
    }
}

/// Total equality marker.
pub trait Eq: PartialEq<Self> {}

/// The result of a comparison.
#[lang = "Ordering"]
#[repr(i8)]
pub enum Ordering {
    Less = -1,
    Equal = 0,
    Greater = 1,
}
impl Copy for Ordering {}
impl Clone for Ordering {
    fn clone(&self) -> Self {
        *self
    }
}

/// `<`, `<=`, `>`, `>=`.
#[lang = "partial_ord"]
pub trait PartialOrd<Rhs: ?Sized = Self>: PartialEq<Rhs> {
    fn partial_cmp(&self, other: &Rhs) -> Option<Ordering>;
    fn lt(&self, other: &Rhs) -> bool {
        match self.partial_cmp(other) {
            Option::Some(Ordering::Less) => true,
            _ => false,
        }
    }
    fn le(&self, other: &Rhs) -> bool {
        match self.partial_cmp(other) {
            Option::Some(Ordering::Less) | Option::Some(Ordering::Equal) => true,
            _ => false,
        }
    }
    fn gt(&self, other: &Rhs) -> bool {
        match self.partial_cmp(other) {
            Option::Some(Ordering::Greater) => true,
            _ => false,
        }
    }
    fn ge(&self, other: &Rhs) -> bool {
        match self.partial_cmp(other) {
            Option::Some(Ordering::Greater) | Option::Some(Ordering::Equal) => true,
            _ => false,
        }
    }
}

macro_rules! impl_cmp {
    ($($t:ty)*) => {$(
        impl PartialEq for $t {
            #[inline]
            fn eq(&self, other: &$t) -> bool { *self == *other }
            #[inline]
            fn ne(&self, other: &$t) -> bool { *self != *other }
        }
        impl PartialOrd for $t {
            #[inline]
            fn partial_cmp(&self, other: &$t) -> Option<Ordering> {
                if *self < *other {
                    Option::Some(Ordering::Less)
                } else if *self > *other {
                    Option::Some(Ordering::Greater)
                } else if *self == *other {
                    Option::Some(Ordering::Equal)
                } else {
                    Option::None // only reachable for NaN
                }
            }
            #[inline]
            fn lt(&self, other: &$t) -> bool { *self < *other }
            #[inline]
            fn le(&self, other: &$t) -> bool { *self <= *other }
            #[inline]
            fn gt(&self, other: &$t) -> bool { *self > *other }
            #[inline]
            fn ge(&self, other: &$t) -> bool { *self >= *other }
        }
        impl StructuralPartialEq for $t {}
    )*};
}
impl_cmp!(bool char u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64);

macro_rules! impl_eq {
    ($($t:ty)*) => {$( impl Eq for $t {} )*};
}
impl_eq!(bool char u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);

impl<T> PartialEq for *const T {
    fn eq(&self, other: &*const T) -> bool {
        *self == *other
    }
}
impl<T> PartialEq for *mut T {
    fn eq(&self, other: &*mut T) -> bool {
        *self == *other
    }
}

impl<A: ?Sized + PartialEq<B>, B: ?Sized> PartialEq<&B> for &A {
    fn eq(&self, other: &&B) -> bool {
        PartialEq::eq(*self, *other)
    }
}

/// Byte-wise string equality (also what `match s { "lit" => .. }` calls).
impl PartialEq for str {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl<T: PartialEq> PartialEq for [T] {
    fn eq(&self, other: &[T]) -> bool {
        if self.len() != other.len() {
            return false;
        }
        let mut i = 0;
        while i < self.len() {
            if self[i] != other[i] {
                return false;
            }
            i += 1;
        }
        true
    }
}

impl PartialEq for () {
    fn eq(&self, _other: &()) -> bool {
        true
    }
}

// ---------------------------------------------------------------------------
// Deref and indexing
// ---------------------------------------------------------------------------

/// `*x` for smart pointers.
#[lang = "deref"]
pub trait Deref {
    #[lang = "deref_target"]
    type Target: ?Sized;
    fn deref(&self) -> &Self::Target;
}

/// `*x = ..` for smart pointers.
#[lang = "deref_mut"]
pub trait DerefMut: Deref {
    fn deref_mut(&mut self) -> &mut Self::Target;
}

impl<T: ?Sized> Deref for &T {
    type Target = T;
    fn deref(&self) -> &T {
        *self
    }
}
impl<T: ?Sized> Deref for &mut T {
    type Target = T;
    fn deref(&self) -> &T {
        *self
    }
}
impl<T: ?Sized> DerefMut for &mut T {
    fn deref_mut(&mut self) -> &mut T {
        *self
    }
}

/// `container[index]` for user-defined types (indexing arrays and slices with
/// `usize` is built into the language).
#[lang = "index"]
pub trait Index<Idx: ?Sized> {
    type Output: ?Sized;
    #[track_caller]
    fn index(&self, index: Idx) -> &Self::Output;
}

/// `container[index] = ..` for user-defined types.
#[lang = "index_mut"]
pub trait IndexMut<Idx: ?Sized>: Index<Idx> {
    #[track_caller]
    fn index_mut(&mut self, index: Idx) -> &mut Self::Output;
}

// Indexing slices and arrays by `usize` still goes through these impls during
// type checking; rustc then replaces the calls with built-in (bounds-checked)
// indexing, which is also what the bodies below compile to.
impl<T> Index<usize> for [T] {
    type Output = T;
    #[track_caller]
    fn index(&self, index: usize) -> &T {
        &self[index]
    }
}
impl<T> IndexMut<usize> for [T] {
    #[track_caller]
    fn index_mut(&mut self, index: usize) -> &mut T {
        &mut self[index]
    }
}
// Arrays forward to the slice impls (like core), so `array[1..3]` works too.
impl<T, I, const N: usize> Index<I> for [T; N]
where
    [T]: Index<I>,
{
    type Output = <[T] as Index<I>>::Output;
    #[track_caller]
    fn index(&self, index: I) -> &Self::Output {
        Index::index(self as &[T], index)
    }
}
impl<T, I, const N: usize> IndexMut<I> for [T; N]
where
    [T]: IndexMut<I>,
{
    #[track_caller]
    fn index_mut(&mut self, index: I) -> &mut Self::Output {
        IndexMut::index_mut(self as &mut [T], index)
    }
}

// Range indexing of slices: `&xs[a..b]`, `&xs[a..]`, `&xs[..b]`, `&xs[..]`.
impl<T> Index<Range<usize>> for [T] {
    type Output = [T];
    #[track_caller]
    fn index(&self, r: Range<usize>) -> &[T] {
        self.sub(r.start, r.end)
    }
}
impl<T> IndexMut<Range<usize>> for [T] {
    #[track_caller]
    fn index_mut(&mut self, r: Range<usize>) -> &mut [T] {
        self.sub_mut(r.start, r.end)
    }
}
impl<T> Index<RangeFrom<usize>> for [T] {
    type Output = [T];
    #[track_caller]
    fn index(&self, r: RangeFrom<usize>) -> &[T] {
        self.sub(r.start, self.len())
    }
}
impl<T> IndexMut<RangeFrom<usize>> for [T] {
    #[track_caller]
    fn index_mut(&mut self, r: RangeFrom<usize>) -> &mut [T] {
        let len = self.len();
        self.sub_mut(r.start, len)
    }
}
impl<T> Index<RangeTo<usize>> for [T] {
    type Output = [T];
    #[track_caller]
    fn index(&self, r: RangeTo<usize>) -> &[T] {
        self.sub(0, r.end)
    }
}
impl<T> IndexMut<RangeTo<usize>> for [T] {
    #[track_caller]
    fn index_mut(&mut self, r: RangeTo<usize>) -> &mut [T] {
        self.sub_mut(0, r.end)
    }
}
impl<T> Index<RangeFull> for [T] {
    type Output = [T];
    fn index(&self, _r: RangeFull) -> &[T] {
        self
    }
}
impl<T> IndexMut<RangeFull> for [T] {
    fn index_mut(&mut self, _r: RangeFull) -> &mut [T] {
        self
    }
}

// ---------------------------------------------------------------------------
// Closures
// ---------------------------------------------------------------------------

/// Call by shared reference.
#[lang = "fn"]
#[rustc_paren_sugar]
#[fundamental]
pub trait Fn<Args: Tuple>: FnMut<Args> {
    extern "rust-call" fn call(&self, args: Args) -> Self::Output;
}

/// Call by unique reference.
#[lang = "fn_mut"]
#[rustc_paren_sugar]
#[fundamental]
pub trait FnMut<Args: Tuple>: FnOnce<Args> {
    extern "rust-call" fn call_mut(&mut self, args: Args) -> Self::Output;
}

/// Call by value.
#[lang = "fn_once"]
#[rustc_paren_sugar]
#[fundamental]
pub trait FnOnce<Args: Tuple> {
    #[lang = "fn_once_output"]
    type Output;
    extern "rust-call" fn call_once(self, args: Args) -> Self::Output;
}

impl<A: Tuple, F: ?Sized + Fn<A>> Fn<A> for &F {
    extern "rust-call" fn call(&self, args: A) -> F::Output {
        (**self).call(args)
    }
}
impl<A: Tuple, F: ?Sized + Fn<A>> FnMut<A> for &F {
    extern "rust-call" fn call_mut(&mut self, args: A) -> F::Output {
        (**self).call(args)
    }
}
impl<A: Tuple, F: ?Sized + Fn<A>> FnOnce<A> for &F {
    type Output = F::Output;
    extern "rust-call" fn call_once(self, args: A) -> F::Output {
        (*self).call(args)
    }
}
impl<A: Tuple, F: ?Sized + FnMut<A>> FnMut<A> for &mut F {
    extern "rust-call" fn call_mut(&mut self, args: A) -> F::Output {
        (*self).call_mut(args)
    }
}
impl<A: Tuple, F: ?Sized + FnMut<A>> FnOnce<A> for &mut F {
    type Output = F::Output;
    extern "rust-call" fn call_once(self, args: A) -> F::Output {
        (*self).call_mut(args)
    }
}

// ---------------------------------------------------------------------------
// Option, ranges and iteration (enough for `for` loops)
// ---------------------------------------------------------------------------

/// An optional value.
#[lang = "Option"]
pub enum Option<T> {
    #[lang = "None"]
    None,
    #[lang = "Some"]
    Some(T),
}
pub use Option::{None, Some};

impl<T: Copy> Copy for Option<T> {}
impl<T: Clone> Clone for Option<T> {
    fn clone(&self) -> Self {
        match self {
            Some(x) => Some(x.clone()),
            None => None,
        }
    }
}

impl<T> Option<T> {
    pub fn is_some(&self) -> bool {
        match self {
            Some(_) => true,
            None => false,
        }
    }
    pub fn is_none(&self) -> bool {
        !self.is_some()
    }
    #[track_caller]
    pub fn unwrap(self) -> T {
        match self {
            Some(x) => x,
            None => panic("called `Option::unwrap()` on a `None` value"),
        }
    }
    pub fn unwrap_or(self, default: T) -> T {
        match self {
            Some(x) => x,
            None => default,
        }
    }
    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Option<U> {
        match self {
            Some(x) => Some(f(x)),
            None => None,
        }
    }
}

/// `start..end`.
#[lang = "Range"]
pub struct Range<Idx> {
    pub start: Idx,
    pub end: Idx,
}

/// `start..`.
#[lang = "RangeFrom"]
pub struct RangeFrom<Idx> {
    pub start: Idx,
}

/// `..end`.
#[lang = "RangeTo"]
pub struct RangeTo<Idx> {
    pub end: Idx,
}

/// `..`.
#[lang = "RangeFull"]
pub struct RangeFull;

/// A source of values, consumed one at a time.
#[lang = "iterator"]
#[must_use]
pub trait Iterator {
    type Item;
    #[lang = "next"]
    fn next(&mut self) -> Option<Self::Item>;
}

/// Conversion into an [`Iterator`] (what `for x in expr` calls on `expr`).
pub trait IntoIterator {
    type Item;
    type IntoIter: Iterator<Item = Self::Item>;
    #[lang = "into_iter"]
    fn into_iter(self) -> Self::IntoIter;
}

impl<I: Iterator> IntoIterator for I {
    type Item = I::Item;
    type IntoIter = I;
    fn into_iter(self) -> I {
        self
    }
}

/// Integer types that ranges can iterate over. (A single generic
/// `Iterator for Range<A: Step>` impl, like real core, lets integer literal
/// types in `for i in 0..n` be inferred from how `i` is used.)
pub trait Step: Copy + PartialOrd {
    /// `self + 1`.
    fn forward(self) -> Self;
}

macro_rules! impl_step {
    ($($t:ty)*) => {$(
        impl Step for $t {
            #[inline]
            fn forward(self) -> $t { self + 1 }
        }
    )*};
}
impl_step!(u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);

impl<A: Step> Iterator for Range<A> {
    type Item = A;
    fn next(&mut self) -> Option<A> {
        if self.start < self.end {
            let n = self.start;
            self.start = n.forward();
            Some(n)
        } else {
            None
        }
    }
}

/// Iterator over the elements of a slice (by reference).
pub struct Iter<'a, T> {
    slice: &'a [T],
    pos: usize,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;
    fn next(&mut self) -> Option<&'a T> {
        if self.pos < self.slice.len() {
            let item = &self.slice[self.pos];
            self.pos += 1;
            Some(item)
        } else {
            None
        }
    }
}

impl<'a, T> IntoIterator for &'a [T] {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T> {
        Iter { slice: self, pos: 0 }
    }
}

impl<'a, T, const N: usize> IntoIterator for &'a [T; N] {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T> {
        Iter { slice: self, pos: 0 }
    }
}

/// By-value iterator over an array of `Copy` elements (`for x in [1, 2, 3]`).
pub struct ArrayIter<T, const N: usize> {
    array: [T; N],
    pos: usize,
}

impl<T: Copy, const N: usize> Iterator for ArrayIter<T, N> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        if self.pos < N {
            self.pos += 1;
            Some(self.array[self.pos - 1])
        } else {
            None
        }
    }
}

impl<T: Copy, const N: usize> IntoIterator for [T; N] {
    type Item = T;
    type IntoIter = ArrayIter<T, N>;
    fn into_iter(self) -> ArrayIter<T, N> {
        ArrayIter { array: self, pos: 0 }
    }
}

// ---------------------------------------------------------------------------
// Slices, strings and raw pointers
// ---------------------------------------------------------------------------

/// The (data pointer, length) pair a slice reference is made of.
#[repr(C)]
pub struct RawSlice<T> {
    pub ptr: *const T,
    pub len: usize,
}
impl<T> Copy for RawSlice<T> {}
impl<T> Clone for RawSlice<T> {
    fn clone(&self) -> Self {
        *self
    }
}

/// Reinterprets a slice pointer as its two halves without `transmute`'s
/// "same size" check (which cannot see through generic `T`).
union SliceRepr<T> {
    fat: *const [T],
    raw: RawSlice<T>,
}

impl<T> [T] {
    /// Number of elements.
    #[lang = "slice_len_fn"]
    pub fn len(&self) -> usize {
        unsafe { SliceRepr { fat: self as *const [T] }.raw.len }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn as_ptr(&self) -> *const T {
        self as *const [T] as *const T
    }
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self as *mut [T] as *mut T
    }
    pub fn iter(&self) -> Iter<'_, T> {
        Iter { slice: self, pos: 0 }
    }
    pub fn get(&self, i: usize) -> Option<&T> {
        if i < self.len() { Some(&self[i]) } else { None }
    }
    /// `&self[start..end]`, panicking if the range is out of bounds.
    #[track_caller]
    pub fn sub(&self, start: usize, end: usize) -> &[T] {
        if start > end || end > self.len() {
            panic("slice range out of bounds");
        }
        unsafe { from_raw_parts(self.as_ptr().add(start), end - start) }
    }
    /// `&mut self[start..end]`, panicking if the range is out of bounds.
    #[track_caller]
    pub fn sub_mut(&mut self, start: usize, end: usize) -> &mut [T] {
        if start > end || end > self.len() {
            panic("slice range out of bounds");
        }
        unsafe { from_raw_parts_mut(self.as_mut_ptr().add(start), end - start) }
    }
    pub fn swap(&mut self, a: usize, b: usize) {
        let p = self.as_mut_ptr();
        unsafe {
            let tmp = p.add(a).read();
            p.add(a).write(p.add(b).read());
            p.add(b).write(tmp);
        }
    }
}

/// Builds a slice from a pointer and a length.
pub unsafe fn from_raw_parts<'a, T>(ptr: *const T, len: usize) -> &'a [T] {
    unsafe { &*SliceRepr { raw: RawSlice { ptr, len } }.fat }
}

/// Builds a mutable slice from a pointer and a length.
pub unsafe fn from_raw_parts_mut<'a, T>(ptr: *mut T, len: usize) -> &'a mut [T] {
    unsafe { &mut *(SliceRepr { raw: RawSlice { ptr: ptr as *const T, len } }.fat as *mut [T]) }
}

impl str {
    pub fn len(&self) -> usize {
        self.as_bytes().len()
    }
    pub fn as_bytes(&self) -> &[u8] {
        unsafe { intrinsics::transmute::<&str, &[u8]>(self) }
    }
    pub fn as_ptr(&self) -> *const u8 {
        self as *const str as *const u8
    }
}

/// Builds a `&str` from bytes (no UTF-8 validation).
pub unsafe fn str_from_utf8_unchecked(bytes: &[u8]) -> &str {
    unsafe { intrinsics::transmute::<&[u8], &str>(bytes) }
}

/// The type of `c"..."` literals: a NUL-terminated byte string.
#[lang = "CStr"]
#[repr(transparent)]
pub struct CStr {
    inner: [u8],
}

impl CStr {
    /// Pointer to the first byte, for passing to C.
    pub fn as_ptr(&self) -> *const u8 {
        self as *const CStr as *const u8
    }
    /// Length including the terminating NUL.
    pub fn len_with_nul(&self) -> usize {
        self.inner.len()
    }
}

macro_rules! impl_ptr_methods {
    ($($ptr:ty)*) => {$(
        impl<T> $ptr {
            /// Pointer offset by `count` elements.
            pub unsafe fn offset(self, count: isize) -> $ptr {
                unsafe { intrinsics::offset(self, count) }
            }
            /// Pointer advanced by `count` elements.
            pub unsafe fn add(self, count: usize) -> $ptr {
                unsafe { intrinsics::offset(self, count) }
            }
            /// Pointer moved back by `count` elements.
            pub unsafe fn sub(self, count: usize) -> $ptr {
                unsafe { intrinsics::offset(self, 0isize - count as isize) }
            }
            /// Distance in elements from `origin` to `self`.
            pub unsafe fn offset_from(self, origin: *const T) -> isize {
                unsafe { intrinsics::ptr_offset_from(self as *const T, origin) }
            }
            pub unsafe fn read(self) -> T {
                unsafe { intrinsics::read_via_copy(self as *const T) }
            }
            pub fn is_null(self) -> bool {
                self as *const u8 as usize == 0
            }
            pub fn addr(self) -> usize {
                self as *const u8 as usize
            }
        }
    )*};
}
impl_ptr_methods!(*const T *mut T);

impl<T> *mut T {
    pub unsafe fn write(self, value: T) {
        unsafe { intrinsics::write_via_move(self, value) }
    }
}

/// A null `*const T`.
pub const fn null<T>() -> *const T {
    0usize as *const T
}

/// A null `*mut T`.
pub const fn null_mut<T>() -> *mut T {
    0usize as *mut T
}

// ---------------------------------------------------------------------------
// Integer helpers
// ---------------------------------------------------------------------------

macro_rules! impl_int_methods {
    ($($t:ident $min:literal $max:literal;)*) => {$(
        impl $t {
            pub const MIN: $t = $min;
            pub const MAX: $t = $max;
            pub fn wrapping_add(self, rhs: $t) -> $t { intrinsics::wrapping_add(self, rhs) }
            pub fn wrapping_sub(self, rhs: $t) -> $t { intrinsics::wrapping_sub(self, rhs) }
            pub fn wrapping_mul(self, rhs: $t) -> $t { intrinsics::wrapping_mul(self, rhs) }
            /// `Some(self + rhs)` unless that overflows.
            pub fn checked_add(self, rhs: $t) -> Option<$t> {
                let (r, o) = intrinsics::add_with_overflow(self, rhs);
                if o { None } else { Some(r) }
            }
            pub fn checked_sub(self, rhs: $t) -> Option<$t> {
                let (r, o) = intrinsics::sub_with_overflow(self, rhs);
                if o { None } else { Some(r) }
            }
            pub fn checked_mul(self, rhs: $t) -> Option<$t> {
                let (r, o) = intrinsics::mul_with_overflow(self, rhs);
                if o { None } else { Some(r) }
            }
            pub fn overflowing_add(self, rhs: $t) -> ($t, bool) {
                intrinsics::add_with_overflow(self, rhs)
            }
            pub fn count_ones(self) -> u32 { intrinsics::ctpop(self) }
            pub fn leading_zeros(self) -> u32 { intrinsics::ctlz(self) }
            pub fn trailing_zeros(self) -> u32 { intrinsics::cttz(self) }
            pub fn swap_bytes(self) -> $t { intrinsics::bswap(self) }
        }
    )*};
}
impl_int_methods! {
    u8 0 0xff;
    u16 0 0xffff;
    u32 0 0xffff_ffff;
    u64 0 0xffff_ffff_ffff_ffff;
    u128 0 0xffff_ffff_ffff_ffff_ffff_ffff_ffff_ffff;
    usize 0 0xffff_ffff_ffff_ffff;
    i8 -0x80 0x7f;
    i16 -0x8000 0x7fff;
    i32 -0x8000_0000 0x7fff_ffff;
    i64 -0x8000_0000_0000_0000 0x7fff_ffff_ffff_ffff;
    i128 -0x8000_0000_0000_0000_0000_0000_0000_0000 0x7fff_ffff_ffff_ffff_ffff_ffff_ffff_ffff;
    isize -0x8000_0000_0000_0000 0x7fff_ffff_ffff_ffff;
}

/// `u32` guaranteed not to be zero, so `Option<NonZeroU32>` is 4 bytes.
#[rustc_layout_scalar_valid_range_start(1)]
#[rustc_nonnull_optimization_guaranteed]
#[repr(transparent)]
pub struct NonZeroU32(u32);

impl Copy for NonZeroU32 {}
impl Clone for NonZeroU32 {
    fn clone(&self) -> Self {
        *self
    }
}

impl NonZeroU32 {
    pub fn new(n: u32) -> Option<NonZeroU32> {
        if n == 0 { None } else { Some(unsafe { NonZeroU32(n) }) }
    }
    pub fn get(self) -> u32 {
        self.0
    }
}

// ---------------------------------------------------------------------------
// Intrinsics
// ---------------------------------------------------------------------------

/// Compiler intrinsics, declared the 1.96 way (`#[rustc_intrinsic]`, no body).
pub mod intrinsics {
    use crate::*;

    #[rustc_intrinsic]
    pub fn abort() -> !;
    #[rustc_intrinsic]
    pub const fn size_of<T>() -> usize;
    #[rustc_intrinsic]
    pub const fn align_of<T>() -> usize;
    #[rustc_intrinsic]
    pub const unsafe fn size_of_val<T: ?Sized>(ptr: *const T) -> usize;
    #[rustc_intrinsic]
    pub const unsafe fn align_of_val<T: ?Sized>(ptr: *const T) -> usize;
    #[rustc_intrinsic]
    pub const unsafe fn transmute<Src, Dst>(src: Src) -> Dst;
    #[rustc_intrinsic]
    pub const unsafe fn offset<Ptr, Delta>(dst: Ptr, offset: Delta) -> Ptr;
    #[rustc_intrinsic]
    pub const unsafe fn ptr_offset_from<T>(ptr: *const T, base: *const T) -> isize;
    #[rustc_intrinsic]
    pub const unsafe fn read_via_copy<T>(ptr: *const T) -> T;
    #[rustc_intrinsic]
    pub const unsafe fn write_via_move<T>(ptr: *mut T, value: T);
    #[rustc_intrinsic]
    pub const unsafe fn copy_nonoverlapping<T>(src: *const T, dst: *mut T, count: usize);
    #[rustc_intrinsic]
    pub const unsafe fn write_bytes<T>(dst: *mut T, val: u8, count: usize);
    #[rustc_intrinsic]
    pub const fn needs_drop<T: ?Sized>() -> bool;
    #[rustc_intrinsic]
    pub const fn forget<T>(value: T);
    #[rustc_intrinsic]
    pub const fn caller_location() -> &'static Location<'static>;
    #[rustc_intrinsic]
    pub const fn black_box<T>(x: T) -> T;
    #[rustc_intrinsic]
    pub const fn wrapping_add<T: Copy>(a: T, b: T) -> T;
    #[rustc_intrinsic]
    pub const fn wrapping_sub<T: Copy>(a: T, b: T) -> T;
    #[rustc_intrinsic]
    pub const fn wrapping_mul<T: Copy>(a: T, b: T) -> T;
    #[rustc_intrinsic]
    pub const fn add_with_overflow<T: Copy>(x: T, y: T) -> (T, bool);
    #[rustc_intrinsic]
    pub const fn sub_with_overflow<T: Copy>(x: T, y: T) -> (T, bool);
    #[rustc_intrinsic]
    pub const fn mul_with_overflow<T: Copy>(x: T, y: T) -> (T, bool);
    #[rustc_intrinsic]
    pub const fn ctpop<T: Copy>(x: T) -> u32;
    #[rustc_intrinsic]
    pub const fn ctlz<T: Copy>(x: T) -> u32;
    #[rustc_intrinsic]
    pub const fn cttz<T: Copy>(x: T) -> u32;
    #[rustc_intrinsic]
    pub const fn bswap<T: Copy>(x: T) -> T;
    #[rustc_intrinsic]
    pub fn sqrtf64(x: f64) -> f64;
}

pub use intrinsics::transmute;

/// Size and alignment as associated constants. Since 1.96 the nullary
/// `size_of`/`align_of` intrinsics may only be evaluated at compile time;
/// these lang items are also what optimized MIR rewrites
/// `size_of_val`/`align_of_val` of sized types into.
pub trait SizedTypeProperties: Sized {
    #[lang = "mem_size_const"]
    const SIZE: usize = intrinsics::size_of::<Self>();
    #[lang = "mem_align_const"]
    const ALIGN: usize = intrinsics::align_of::<Self>();
}
impl<T> SizedTypeProperties for T {}

/// The size of `T` in bytes.
pub const fn size_of<T>() -> usize {
    <T as SizedTypeProperties>::SIZE
}

/// The ABI-required alignment of `T` in bytes.
pub const fn align_of<T>() -> usize {
    <T as SizedTypeProperties>::ALIGN
}

/// Whether dropping a `T` runs any code.
pub const fn needs_drop<T: ?Sized>() -> bool {
    const { intrinsics::needs_drop::<T>() }
}

/// The size of the value behind a (possibly fat) pointer.
pub fn size_of_val<T: ?Sized>(val: &T) -> usize {
    unsafe { intrinsics::size_of_val(val as *const T) }
}

/// The alignment of the value behind a (possibly fat) pointer.
pub fn align_of_val<T: ?Sized>(val: &T) -> usize {
    unsafe { intrinsics::align_of_val(val as *const T) }
}

// ---------------------------------------------------------------------------
// libc
// ---------------------------------------------------------------------------

/// The subset of libc used by the tests.
pub mod libc {
    #[link(name = "c")]
    unsafe extern "C" {
        pub fn puts(s: *const u8) -> i32;
        pub fn printf(format: *const u8, ...) -> i32;
        pub fn snprintf(buf: *mut u8, size: usize, format: *const u8, ...) -> i32;
        pub fn write(fd: i32, buf: *const u8, count: usize) -> isize;
        pub fn fflush(stream: *mut u8) -> i32;
        pub fn exit(status: i32) -> !;
        pub fn abort() -> !;
        pub fn malloc(size: usize) -> *mut u8;
        pub fn calloc(nmemb: usize, size: usize) -> *mut u8;
        pub fn free(ptr: *mut u8);
        pub fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32;
        pub fn strlen(s: *const u8) -> usize;
        pub fn atoi(s: *const u8) -> i32;
        pub fn qsort(
            base: *mut u8,
            nmemb: usize,
            size: usize,
            compar: extern "C" fn(*const u8, *const u8) -> i32,
        );
    }

    // Float `%` lowers to a call to `fmod`, which lives in libm.
    #[link(name = "m")]
    unsafe extern "C" {
        pub fn fmod(x: f64, y: f64) -> f64;
    }
}

// ---------------------------------------------------------------------------
// Printing helpers
// ---------------------------------------------------------------------------

/// Writes `s` to stdout with `write(2)` (after flushing stdio so the output
/// stays in program order when mixed with `printf`).
pub fn print_str(s: &str) {
    print_bytes(s.as_bytes());
}

/// Writes raw bytes to stdout (see [`print_str`]).
pub fn print_bytes(b: &[u8]) {
    unsafe {
        libc::fflush(null_mut());
        let mut done = 0;
        while done < b.len() {
            let n = libc::write(1, b.as_ptr().add(done), b.len() - done);
            if n <= 0 {
                return;
            }
            done += n as usize;
        }
    }
}

/// `print_str(s)` followed by a newline.
pub fn println_str(s: &str) {
    print_str(s);
    print_str("\n");
}

/// Prints a signed integer in decimal (no newline), without using printf.
pub fn print_i64(n: i64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    // Work with the negative value so that i64::MIN does not overflow.
    let neg = n < 0;
    let mut v = if neg { n } else { -n };
    loop {
        i -= 1;
        buf[i] = b'0' + (-(v % 10)) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if neg {
        i -= 1;
        buf[i] = b'-';
    }
    print_bytes(buf.sub(i, buf.len()));
}

/// Prints an unsigned integer in decimal (no newline), without using printf.
pub fn print_u64(n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut v = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    print_bytes(buf.sub(i, buf.len()));
}

/// Prints `label` followed by a decimal number and a newline.
pub fn print_labeled(label: &str, n: i64) {
    print_str(label);
    print_i64(n);
    print_str("\n");
}

/// Prints `"true"`/`"false"`.
pub fn print_bool(b: bool) {
    print_str(if b { "true" } else { "false" });
}

// ---------------------------------------------------------------------------
// Panics
// ---------------------------------------------------------------------------

/// A source location, filled in by the compiler for `#[track_caller]` functions.
/// Field order matters: rustc writes (file, line, col) as fields 0, 1, 2.
/// The file name is followed by a NUL byte (not included in the `&str`).
#[lang = "panic_location"]
pub struct Location<'a> {
    file: &'a str,
    line: u32,
    col: u32,
}

impl<'a> Location<'a> {
    /// The location of the caller of the current `#[track_caller]` function.
    #[track_caller]
    pub fn caller() -> &'static Location<'static> {
        intrinsics::caller_location()
    }
    pub fn file(&self) -> &'a str {
        self.file
    }
    pub fn line(&self) -> u32 {
        self.line
    }
    pub fn column(&self) -> u32 {
        self.col
    }
}

/// The exit status of a panicking program.
pub const PANIC_EXIT_CODE: i32 = 101;

/// Strips any directory components from a path.
fn basename(path: &str) -> &[u8] {
    let b = path.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' || b[i] == b'\\' {
            start = i + 1;
        }
        i += 1;
    }
    b.sub(start, b.len())
}

/// Prints `panicked at <file>:<line>:<col>:` (no newline).
fn print_panic_header(loc: &Location<'_>) {
    print_str("panicked at ");
    print_bytes(basename(loc.file));
    print_str(":");
    print_u64(loc.line as u64);
    print_str(":");
    print_u64(loc.col as u64);
    print_str(": ");
}

/// Prints the panic message and terminates the process with status 101.
pub fn panic_at(msg: &str, loc: &Location<'_>) -> ! {
    print_panic_header(loc);
    print_str(msg);
    print_str("\n");
    unsafe { libc::exit(PANIC_EXIT_CODE) }
}

/// Panics with a message (`panic!("...")` expands to this).
#[lang = "panic"]
#[track_caller]
#[inline(never)]
pub fn panic(msg: &'static str) -> ! {
    panic_at(msg, Location::caller())
}

/// Panic that must not unwind (used by compiler-inserted UB checks).
#[lang = "panic_nounwind"]
#[rustc_nounwind]
#[track_caller]
pub fn panic_nounwind(msg: &'static str) -> ! {
    panic_at(msg, Location::caller())
}

/// Called by compiler-generated array/slice bounds checks.
#[lang = "panic_bounds_check"]
#[track_caller]
fn panic_bounds_check(index: usize, len: usize) -> ! {
    print_panic_header(Location::caller());
    unsafe {
        libc::printf(
            c"index out of bounds: the len is %zu but the index is %zu\n".as_ptr(),
            len,
            index,
        );
        libc::exit(PANIC_EXIT_CODE)
    }
}

/// Called by the debug-mode check on misaligned raw pointer dereferences.
#[lang = "panic_misaligned_pointer_dereference"]
#[rustc_nounwind]
#[track_caller]
fn panic_misaligned_pointer_dereference(required: usize, found: usize) -> ! {
    print_panic_header(Location::caller());
    unsafe {
        libc::printf(
            c"misaligned pointer dereference: address must be a multiple of %#zx but is %#zx\n"
                .as_ptr(),
            required,
            found,
        );
        libc::exit(PANIC_EXIT_CODE)
    }
}

/// Called by the debug-mode check on null raw pointer dereferences.
#[lang = "panic_null_pointer_dereference"]
#[rustc_nounwind]
#[track_caller]
fn panic_null_pointer_dereference() -> ! {
    panic_at("null pointer dereference occurred", Location::caller())
}

/// Called by the debug-mode check on enum values with an invalid discriminant.
#[lang = "panic_invalid_enum_construction"]
#[rustc_nounwind]
#[track_caller]
fn panic_invalid_enum_construction(_source: u128) -> ! {
    panic_at("trying to construct an enum from an invalid value", Location::caller())
}

/// Called when a function that must not unwind unwinds (never with panic=abort).
#[lang = "panic_cannot_unwind"]
#[rustc_nounwind]
fn panic_cannot_unwind() -> ! {
    unsafe { libc::abort() }
}

/// Called when a destructor panics during unwinding (never with panic=abort).
#[lang = "panic_in_cleanup"]
#[rustc_nounwind]
fn panic_in_cleanup() -> ! {
    unsafe { libc::abort() }
}

// The `panic_const_*` functions are called by compiler-generated checks
// (overflow, division by zero, ...). Their messages match real `core`.
macro_rules! panic_const {
    ($($lang:ident = $msg:literal,)*) => {
        pub mod panic_const {
            use crate::*;
            $(
                #[lang = stringify!($lang)]
                #[track_caller]
                #[inline(never)]
                pub fn $lang() -> ! {
                    panic_at($msg, Location::caller())
                }
            )*
        }
    };
}
panic_const! {
    panic_const_add_overflow = "attempt to add with overflow",
    panic_const_sub_overflow = "attempt to subtract with overflow",
    panic_const_mul_overflow = "attempt to multiply with overflow",
    panic_const_div_overflow = "attempt to divide with overflow",
    panic_const_rem_overflow = "attempt to calculate the remainder with overflow",
    panic_const_neg_overflow = "attempt to negate with overflow",
    panic_const_shr_overflow = "attempt to shift right with overflow",
    panic_const_shl_overflow = "attempt to shift left with overflow",
    panic_const_div_by_zero = "attempt to divide by zero",
    panic_const_rem_by_zero = "attempt to calculate the remainder with a divisor of zero",
}

/// `panic!("literal message")`.
#[macro_export]
macro_rules! panic {
    () => {
        $crate::panic("explicit panic")
    };
    ($msg:literal) => {
        $crate::panic($msg)
    };
}

/// `assert!(cond)` / `assert!(cond, "message")`.
#[macro_export]
macro_rules! assert {
    ($cond:expr) => {
        if !$cond {
            $crate::panic(concat!("assertion failed: ", stringify!($cond)))
        }
    };
    ($cond:expr, $msg:literal) => {
        if !$cond {
            $crate::panic($msg)
        }
    };
}

/// `assert_eq!(a, b)`: panics (printing both values via `print_i64`) if they differ.
#[macro_export]
macro_rules! assert_eq {
    ($a:expr, $b:expr) => {{
        let a = $a;
        let b = $b;
        if a != b {
            $crate::print_str("assertion `left == right` failed: left=");
            $crate::print_i64(a as i64);
            $crate::print_str(" right=");
            $crate::print_i64(b as i64);
            $crate::print_str("\n");
            $crate::panic(concat!("assert_eq!(", stringify!($a), ", ", stringify!($b), ")"))
        }
    }};
}

// ---------------------------------------------------------------------------
// Built-in macros (implemented inside the compiler)
// ---------------------------------------------------------------------------

/// Concatenates literals into a `&'static str`.
#[rustc_builtin_macro]
pub macro concat($($arg:tt)*) {
    /* compiler built-in */
}

/// Turns tokens into a `&'static str`.
#[rustc_builtin_macro]
pub macro stringify($($arg:tt)*) {
    /* compiler built-in */
}

/// The current line number.
#[rustc_builtin_macro]
pub macro line() {
    /* compiler built-in */
}

/// Inline assembly.
#[rustc_builtin_macro]
pub macro asm("assembly template", $(operands,)* $(options($(option),*))?) {
    /* compiler built-in */
}

/// Module-level assembly.
#[rustc_builtin_macro]
pub macro global_asm("assembly template", $(operands,)* $(options($(option),*))?) {
    /* compiler built-in */
}

/// The body of a `#[unsafe(naked)]` function.
#[rustc_builtin_macro]
pub macro naked_asm("assembly template", $(operands,)* $(options($(option),*))?) {
    /* compiler built-in */
}

// ---------------------------------------------------------------------------
// Program entry
// ---------------------------------------------------------------------------

/// Converts the value returned by `main` into the process exit status.
#[lang = "termination"]
pub trait Termination {
    fn report(self) -> i32;
}

impl Termination for () {
    fn report(self) -> i32 {
        0
    }
}
impl Termination for i32 {
    fn report(self) -> i32 {
        self
    }
}
impl Termination for u8 {
    fn report(self) -> i32 {
        self as i32
    }
}
/// `true` means success (exit 0), `false` failure (exit 1).
impl Termination for bool {
    fn report(self) -> i32 {
        if self { 0 } else { 1 }
    }
}
impl Termination for ! {
    fn report(self) -> i32 {
        self
    }
}

/// An explicit exit status for `main`'s return value.
pub struct ExitCode(pub u8);

impl Termination for ExitCode {
    fn report(self) -> i32 {
        self.0 as i32
    }
}

static mut ARGC: isize = 0;
static mut ARGV: *const *const u8 = 0usize as *const *const u8;

/// The number of command-line arguments (including the program name).
pub fn argc() -> usize {
    unsafe { ARGC as usize }
}

/// The `i`th command-line argument as a C string pointer (null if out of range).
pub fn arg_ptr(i: usize) -> *const u8 {
    unsafe {
        if i < ARGC as usize { *ARGV.add(i) } else { null() }
    }
}

/// The `i`th command-line argument (without the NUL), if present.
pub fn arg(i: usize) -> Option<&'static str> {
    let p = arg_ptr(i);
    if p.is_null() {
        return None;
    }
    unsafe {
        let len = libc::strlen(p);
        Some(str_from_utf8_unchecked(from_raw_parts(p, len)))
    }
}

/// Called by the compiler-generated C `main`: stores argc/argv, runs the
/// program's `main` and returns its exit status.
#[lang = "start"]
fn start<T: Termination + 'static>(
    main: fn() -> T,
    argc: isize,
    argv: *const *const u8,
    _sigpipe: u8,
) -> isize {
    unsafe {
        ARGC = argc;
        ARGV = argv;
    }
    let code = main().report();
    unsafe {
        libc::fflush(null_mut());
    }
    code as isize
}
