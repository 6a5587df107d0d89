// Panics in async code: a future polled by a minimal executor panics after
// an await point; its locals are dropped, catch_unwind around the poll
// catches the payload, and the executor goes on with the next task.
use std::future::Future;
use std::panic::{self, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct Noop;

impl Wake for Noop {
    fn wake(self: Arc<Self>) {}
}

struct Yield(bool);

impl Future for Yield {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

struct Guard(String);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn step(name: &str, fail: bool) -> usize {
    let _g = Guard(format!("{name} local"));
    Yield(false).await;
    if fail {
        panic!("task {name} failed after await");
    }
    name.len()
}

async fn task(name: &'static str, fail: bool) -> usize {
    let _outer = Guard(format!("{name} outer"));
    let a = step(name, false).await;
    let b = step(name, fail).await;
    a + b
}

fn run(mut fut: Pin<Box<dyn Future<Output = usize>>>) -> Result<usize, String> {
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    loop {
        match panic::catch_unwind(AssertUnwindSafe(|| fut.as_mut().poll(&mut cx))) {
            Ok(Poll::Ready(v)) => return Ok(v),
            Ok(Poll::Pending) => println!("pending"),
            Err(payload) => {
                drop(fut);
                let msg = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default();
                return Err(msg);
            }
        }
    }
}

fn main() {
    panic::set_hook(Box::new(|_| eprintln!("a task panicked")));
    for (name, fail) in [("alpha", false), ("beta", true), ("gamma", false)] {
        println!("{name}: {:?}", run(Box::pin(task(name, fail))));
    }
}
