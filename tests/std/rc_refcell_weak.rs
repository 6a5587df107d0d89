// Tests Rc/RefCell/Weak: shared ownership counts, interior mutability, borrow errors via try_borrow, parent/child tree with Weak, cycles broken by Weak.
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

#[derive(Debug)]
struct Node {
    name: String,
    value: Cell<i32>,
    parent: RefCell<Weak<Node>>,
    children: RefCell<Vec<Rc<Node>>>,
}

impl Node {
    fn new(name: &str, v: i32) -> Rc<Node> {
        Rc::new(Node { name: name.to_string(), value: Cell::new(v), parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) })
    }
    fn add_child(parent: &Rc<Node>, child: Rc<Node>) {
        *child.parent.borrow_mut() = Rc::downgrade(parent);
        parent.children.borrow_mut().push(child);
    }
    fn sum(&self) -> i32 {
        self.value.get() + self.children.borrow().iter().map(|c| c.sum()).sum::<i32>()
    }
    fn path(&self) -> String {
        match self.parent.borrow().upgrade() {
            Some(p) => format!("{}/{}", p.path(), self.name),
            None => self.name.clone(),
        }
    }
    fn dump(&self, depth: usize, out: &mut Vec<String>) {
        out.push(format!("{}{}={}", "  ".repeat(depth), self.name, self.value.get()));
        for c in self.children.borrow().iter() {
            c.dump(depth + 1, out);
        }
    }
}

struct Observer {
    id: u32,
    seen: RefCell<Vec<String>>,
}

struct Subject {
    observers: Vec<Weak<Observer>>,
}
impl Subject {
    fn notify(&mut self, msg: &str) -> usize {
        self.observers.retain(|w| w.strong_count() > 0);
        for o in &self.observers {
            if let Some(o) = o.upgrade() {
                o.seen.borrow_mut().push(format!("{}:{}", o.id, msg));
            }
        }
        self.observers.len()
    }
}

fn main() {
    let a = Rc::new(String::from("shared"));
    let b = Rc::clone(&a);
    let c = a.clone();
    println!("strong {} weak {} ptr_eq {}", Rc::strong_count(&a), Rc::weak_count(&a), Rc::ptr_eq(&a, &b));
    drop(c);
    let w = Rc::downgrade(&a);
    println!("after drop: strong {} weak {} upgrade {:?}", Rc::strong_count(&a), Rc::weak_count(&a), w.upgrade());
    drop(a);
    drop(b);
    println!("all dropped: upgrade {:?} strong {}", w.upgrade(), w.strong_count());

    let root = Node::new("root", 1);
    let x = Node::new("x", 10);
    let y = Node::new("y", 20);
    let z = Node::new("z", 300);
    Node::add_child(&root, x.clone());
    Node::add_child(&root, y.clone());
    Node::add_child(&x, z.clone());
    println!("sum {} path {} strong(x)={} weak(root)={}", root.sum(), z.path(), Rc::strong_count(&x), Rc::weak_count(&root));
    z.value.set(-5);
    y.value.set(y.value.get() * 2);
    let mut out = vec![];
    root.dump(0, &mut out);
    println!("{}", out.join("\n"));
    println!("sum now {}", root.sum());
    drop(root);
    println!("after root dropped: x parent alive {} path {}", x.parent.borrow().upgrade().is_some(), z.path());

    let cell = RefCell::new(vec![1, 2, 3]);
    {
        let r1 = cell.borrow();
        let r2 = cell.borrow();
        println!("two borrows {} {} try_borrow_mut err {}", r1.len(), r2[0], cell.try_borrow_mut().is_err());
    }
    {
        let mut m = cell.borrow_mut();
        m.push(4);
        println!("mut borrow active; try_borrow err {}", cell.try_borrow().is_err());
    }
    println!("cell {:?}", cell.borrow());
    let old = cell.replace(vec![9]);
    println!("replaced old {:?} new {:?}", old, cell.borrow());
    cell.borrow_mut().extend([8, 7]);
    println!("take {:?} now {:?}", cell.take(), cell.borrow());

    let shared_list = Rc::new(RefCell::new(Vec::<String>::new()));
    let writers: Vec<Rc<RefCell<Vec<String>>>> = (0..3).map(|_| Rc::clone(&shared_list)).collect();
    for (i, wr) in writers.iter().enumerate() {
        wr.borrow_mut().push(format!("w{}", i));
    }
    println!("shared list {:?} strong {}", shared_list.borrow(), Rc::strong_count(&shared_list));

    let o1 = Rc::new(Observer { id: 1, seen: RefCell::new(vec![]) });
    let o2 = Rc::new(Observer { id: 2, seen: RefCell::new(vec![]) });
    let mut subj = Subject { observers: vec![Rc::downgrade(&o1), Rc::downgrade(&o2)] };
    println!("notify -> {}", subj.notify("hello"));
    drop(o2);
    println!("notify -> {}", subj.notify("bye"));
    println!("o1 saw {:?}", o1.seen.borrow());

    let mut rc_num = Rc::new(5);
    *Rc::make_mut(&mut rc_num) += 1;
    let other = rc_num.clone();
    *Rc::make_mut(&mut rc_num) *= 10;
    let gm = Rc::get_mut(&mut rc_num).is_some();
    println!("make_mut: {} {} get_mut some {}", rc_num, other, gm);
    println!("try_unwrap {:?} into_inner {:?}", Rc::try_unwrap(other), Rc::into_inner(rc_num));
    let rs: Rc<str> = Rc::from("rc str");
    let rslice: Rc<[i32]> = Rc::from(vec![1, 2, 3]);
    println!("{} {:?}", rs, rslice);
    let cyc = Rc::new_cyclic(|me: &Weak<RefCell<Option<Weak<u8>>>>| {
        let _ = me;
        RefCell::new(None)
    });
    println!("new_cyclic strong {}", Rc::strong_count(&cyc));
}
