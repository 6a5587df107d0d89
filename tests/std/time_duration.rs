// Tests Duration arithmetic/formatting, Instant monotonicity, SystemTime vs UNIX_EPOCH (booleans only).
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn main() {
    let ds = [
        Duration::ZERO,
        Duration::from_nanos(1),
        Duration::from_nanos(999),
        Duration::from_micros(1500),
        Duration::from_millis(2),
        Duration::from_millis(1234),
        Duration::from_secs(3),
        Duration::from_secs(3661),
        Duration::new(5, 500_000_000),
        Duration::new(1, 1_999_999_999),
        Duration::from_secs_f64(0.25),
        Duration::from_secs_f32(1.5),
        Duration::MAX,
    ];
    for d in ds {
        println!("{:?} | {:.2?} | secs={} millis={} micros={} nanos={} subsec_ms={} f64={}", d, d, d.as_secs(), d.as_millis(), d.as_micros(), d.as_nanos(), d.subsec_millis(), d.as_secs_f64());
    }
    let a = Duration::from_millis(1500);
    let b = Duration::from_micros(250);
    println!("a+b={:?} a-b={:?} a*3={:?} a/4={:?} a*2.5={:?} a/b={}", a + b, a - b, a * 3, a / 4, a.mul_f64(2.5), a.as_nanos() / b.as_nanos());
    println!("checked_sub {:?} saturating_sub {:?} checked_add max {:?}", b.checked_sub(a), b.saturating_sub(a), Duration::MAX.checked_add(b));
    println!("abs_diff {:?} div_duration {}", a.abs_diff(b), a.div_duration_f64(b));
    println!("cmp a>b {} max {:?} min {:?}", a > b, a.max(b), a.min(b));
    let total: Duration = (1..=10).map(Duration::from_millis).sum();
    println!("sum {:?}", total);
    println!("try_from_secs_f64(-1) err {}", Duration::try_from_secs_f64(-1.0).is_err());
    println!("from_secs_f64(1e-10) {:?}", Duration::from_secs_f64(1e-10));
    println!("width: [{:>12?}] [{:<12?}]", Duration::from_millis(15), Duration::from_micros(7));
    println!("from_mins-free consts: {:?} {:?}", Duration::from_secs(60) * 60, Duration::from_nanos(u64::MAX));

    let start = Instant::now();
    let mut last = start;
    let mut monotonic = true;
    let mut x = 0u64;
    for i in 0..1000u64 {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(i);
        let now = Instant::now();
        if now < last {
            monotonic = false;
        }
        last = now;
    }
    std::hint::black_box(x);
    std::thread::sleep(Duration::from_millis(20));
    let el = start.elapsed();
    println!("monotonic {} elapsed>=20ms {} elapsed>=ZERO {} elapsed<60s {}", monotonic, el >= Duration::from_millis(20), el >= Duration::ZERO, el < Duration::from_secs(60));
    let later = start + Duration::from_secs(1);
    println!("later-start == 1s {} checked_duration_since {:?} saturating {:?}", later - start == Duration::from_secs(1), start.checked_duration_since(later), start.saturating_duration_since(later));
    println!("duration_since ok {}", later.duration_since(start) == Duration::from_secs(1));

    let now = SystemTime::now();
    let since = now.duration_since(UNIX_EPOCH).unwrap();
    println!("after epoch {} after 2020 {} before 2200 {}", since > Duration::ZERO, since.as_secs() > 1_577_836_800, since.as_secs() < 7_258_118_400);
    println!("epoch + 1 day - epoch = {:?}", (UNIX_EPOCH + Duration::from_secs(86400)).duration_since(UNIX_EPOCH).unwrap());
    println!("epoch.duration_since(now) is_err {}", UNIX_EPOCH.duration_since(now).is_err());
    println!("sys elapsed ok {}", now.elapsed().is_ok());
}
