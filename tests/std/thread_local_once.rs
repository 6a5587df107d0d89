// Tests thread_local! with Cell/RefCell (per-thread independence), OnceLock, LazyLock, Once, static Mutex.
use std::cell::{Cell, RefCell};
use std::sync::{LazyLock, Mutex, Once, OnceLock};
use std::thread;

thread_local! {
    static COUNTER: Cell<u32> = const { Cell::new(0) };
    static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new());
}

static CONFIG: OnceLock<String> = OnceLock::new();
static INIT_CALLS: Mutex<u32> = Mutex::new(0);
static SQUARES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    *INIT_CALLS.lock().unwrap() += 1;
    (0..20).map(|x| x * x).collect()
});
static ONCE: Once = Once::new();

fn bump(n: u32) -> u32 {
    COUNTER.with(|c| {
        c.set(c.get() + n);
        c.get()
    })
}

fn record(s: &str) {
    LOG.with(|l| l.borrow_mut().push(s.to_string()));
}

fn get_config() -> &'static str {
    CONFIG.get_or_init(|| {
        *INIT_CALLS.lock().unwrap() += 100;
        "config-v1".to_string()
    })
}

fn main() {
    for i in 1..=3 {
        println!("main bump {}", bump(i));
    }
    record("main-a");
    let hs: Vec<_> = (0..4)
        .map(|t| {
            thread::spawn(move || {
                let mut seen = vec![];
                for _ in 0..=t {
                    seen.push(bump(10));
                }
                record(&format!("t{}", t));
                record("again");
                let log_len = LOG.with(|l| l.borrow().len());
                let cfg = get_config();
                let sq = SQUARES[t as usize + 3];
                (t, seen, log_len, cfg.len(), sq)
            })
        })
        .collect();
    for h in hs {
        let (t, seen, log_len, cfg_len, sq) = h.join().unwrap();
        println!("thread {} counter progression {:?} own log len {} cfg len {} sq {}", t, seen, log_len, cfg_len, sq);
    }
    println!("main counter still {}", COUNTER.with(|c| c.get()));
    LOG.with(|l| println!("main log {:?}", l.borrow()));
    println!("config {:?} get {:?}", get_config(), CONFIG.get());
    println!("set again fails: {:?}", CONFIG.set("other".into()));
    println!("squares sum {} init calls {}", SQUARES.iter().sum::<u64>(), *INIT_CALLS.lock().unwrap());
    let mut ran = 0;
    for _ in 0..3 {
        ONCE.call_once(|| ran += 1);
    }
    println!("once ran {} completed {}", ran, ONCE.is_completed());
    let cell: OnceLock<u32> = OnceLock::new();
    println!("empty {:?}", cell.get());
    thread::scope(|s| {
        for i in 0..4u32 {
            let c = &cell;
            s.spawn(move || {
                c.get_or_init(|| 7);
                assert!(i < 4);
            });
        }
    });
    println!("scoped once value {:?}", cell.get());
    COUNTER.set(1000);
    println!("set/get {} take {:?}", COUNTER.get(), LOG.take().len());
    LOG.with_borrow_mut(|l| l.push("x".into()));
    println!("with_borrow {:?}", LOG.with_borrow(|l| l.clone()));
}
