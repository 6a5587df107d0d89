// async/await without a runtime: a tiny single-threaded executor (a waker
// built from a vtable, a task queue) runs async fns, async blocks capturing
// variables by move and by reference, a hand-written Future that is
// pending a few times, and join-like interleaving of two futures. Also
// trait-object upcasting and smart-pointer unsizing (Rc<RefCell<..>> to
// Rc<RefCell<dyn ..>>), which async code tends to need.
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};

struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// Pending `n` times (waking itself each time), then ready with `value`.
struct Countdown {
    n: u32,
    value: u64,
}

impl Future for Countdown {
    type Output = u64;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        if self.n == 0 {
            Poll::Ready(self.value)
        } else {
            self.n -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

fn block_on<F: Future>(fut: F) -> (F::Output, usize) {
    let waker_state = Arc::new(CountingWaker(AtomicUsize::new(0)));
    let waker = Waker::from(waker_state.clone());
    let mut cx = Context::from_waker(&waker);
    let mut fut = Box::pin(fut);
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return (v, polls);
        }
    }
}

async fn add_later(a: u64, b: u64) -> u64 {
    let x = Countdown { n: 2, value: a }.await;
    let y = Countdown { n: 1, value: b }.await;
    x + y
}

async fn fib(n: u32) -> u64 {
    let mut pair = (0u64, 1u64);
    for _ in 0..n {
        let next = Countdown { n: 0, value: pair.0 + pair.1 }.await;
        pair = (pair.1, next);
    }
    pair.0
}

async fn log_steps(log: &RefCell<Vec<String>>, name: &str, steps: u32) -> u32 {
    for i in 0..steps {
        log.borrow_mut().push(format!("{name}:{i}"));
        Countdown { n: 1, value: 0 }.await;
    }
    steps * 10
}

trait Shape {
    fn area(&self) -> f64;
}
trait Named: Shape {
    fn name(&self) -> String;
}
struct Square(f64);
impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}
impl Named for Square {
    fn name(&self) -> String {
        format!("square {}", self.0)
    }
}

fn main() {
    println!("add_later: {:?}", block_on(add_later(40, 2)));
    println!("fib(30): {:?}", block_on(fib(30)));

    let owned = String::from("moved into the block");
    let (len, polls) = block_on(async move {
        Countdown { n: 3, value: 0 }.await;
        owned.len()
    });
    println!("async move: {len} after {polls} polls");

    let log = RefCell::new(Vec::new());
    let both = async {
        let a = log_steps(&log, "a", 3).await;
        let b = log_steps(&log, "b", 2).await;
        a + b
    };
    println!("sequenced: {:?}", block_on(both));
    println!("log: {:?}", log.borrow());

    let boxed: Vec<Pin<Box<dyn Future<Output = u64>>>> = vec![
        Box::pin(add_later(1, 2)),
        Box::pin(fib(10)),
        Box::pin(async { 7 }),
    ];
    for (i, f) in boxed.into_iter().enumerate() {
        println!("boxed future {i}: {:?}", block_on(f));
    }

    let named: &dyn Named = &Square(3.0);
    let shape: &dyn Shape = named;
    println!("upcast: {} has area {}", named.name(), shape.area());
    let shared: Rc<RefCell<dyn Shape>> = Rc::new(RefCell::new(Square(1.5)));
    println!("Rc<RefCell<dyn Shape>>: {}", shared.borrow().area());
    let cell = RefCell::new([1, 2, 3]);
    let mut slice: std::cell::RefMut<'_, [i32]> = cell.borrow_mut();
    slice[1] = 20;
    println!("RefMut<[i32]>: {:?}", &*slice);
}
