//! A small ray tracer: spheres on a plane, diffuse shading with shadows and
//! one reflection bounce, rendered into a buffer; prints a checksum of the
//! pixels. Floating point only (+, -, *, /, sqrt), so both backends must
//! produce the same bits. `raytrace [SIZE]` (default 1100).

#[derive(Clone, Copy, Debug)]
struct V(f64, f64, f64);

impl V {
    fn add(self, o: V) -> V {
        V(self.0 + o.0, self.1 + o.1, self.2 + o.2)
    }
    fn sub(self, o: V) -> V {
        V(self.0 - o.0, self.1 - o.1, self.2 - o.2)
    }
    fn mul(self, s: f64) -> V {
        V(self.0 * s, self.1 * s, self.2 * s)
    }
    fn dot(self, o: V) -> f64 {
        self.0 * o.0 + self.1 * o.1 + self.2 * o.2
    }
    fn norm(self) -> V {
        self.mul(1.0 / self.dot(self).sqrt())
    }
}

struct Sphere {
    center: V,
    radius: f64,
    color: V,
    reflect: f64,
}

struct Hit {
    t: f64,
    point: V,
    normal: V,
    color: V,
    reflect: f64,
}

fn intersect(spheres: &[Sphere], origin: V, dir: V) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for s in spheres {
        let oc = origin.sub(s.center);
        let b = oc.dot(dir);
        let c = oc.dot(oc) - s.radius * s.radius;
        let disc = b * b - c;
        if disc < 0.0 {
            continue;
        }
        let t = -b - disc.sqrt();
        if t > 1e-6 && best.as_ref().is_none_or(|h| t < h.t) {
            let point = origin.add(dir.mul(t));
            best = Some(Hit {
                t,
                point,
                normal: point.sub(s.center).norm(),
                color: s.color,
                reflect: s.reflect,
            });
        }
    }
    // The floor, y = -1, a checkerboard.
    if dir.1 < 0.0 {
        let t = (-1.0 - origin.1) / dir.1;
        if t > 1e-6 && best.as_ref().is_none_or(|h| t < h.t) {
            let point = origin.add(dir.mul(t));
            let check = ((point.0.floor() + point.2.floor()) as i64).rem_euclid(2) == 0;
            let color = if check { V(0.9, 0.9, 0.9) } else { V(0.2, 0.2, 0.3) };
            best = Some(Hit {
                t,
                point,
                normal: V(0.0, 1.0, 0.0),
                color,
                reflect: 0.2,
            });
        }
    }
    best
}

fn trace(spheres: &[Sphere], light: V, origin: V, dir: V, depth: u32) -> V {
    let Some(hit) = intersect(spheres, origin, dir) else {
        return V(0.5, 0.7, 1.0).mul(0.5 + 0.5 * dir.1.max(0.0));
    };
    let to_light = light.sub(hit.point).norm();
    let lit = intersect(spheres, hit.point, to_light).is_none();
    let diffuse = if lit { hit.normal.dot(to_light).max(0.0) } else { 0.0 };
    let mut color = hit.color.mul(0.1 + 0.9 * diffuse);
    if depth > 0 && hit.reflect > 0.0 {
        let r = dir.sub(hit.normal.mul(2.0 * dir.dot(hit.normal))).norm();
        let reflected = trace(spheres, light, hit.point, r, depth - 1);
        color = color.mul(1.0 - hit.reflect).add(reflected.mul(hit.reflect));
    }
    color
}

fn main() {
    let size: usize = std::env::args()
        .nth(1)
        .map_or(1100, |s| s.parse().expect("SIZE is a number"));
    let mut spheres = Vec::new();
    for i in 0..12 {
        let f = i as f64;
        spheres.push(Sphere {
            center: V((f * 1.7) % 6.0 - 3.0, (f * 0.37) % 1.0 - 0.3, 4.0 + (f * 2.3) % 5.0),
            radius: 0.3 + (f * 0.13) % 0.5,
            color: V((f * 0.31) % 1.0, (f * 0.57) % 1.0, (f * 0.83) % 1.0),
            reflect: if i % 3 == 0 { 0.5 } else { 0.1 },
        });
    }
    let light = V(-4.0, 6.0, -2.0);
    let eye = V(0.0, 0.5, -1.0);
    let mut pixels = vec![0u8; size * size * 3];
    for y in 0..size {
        for x in 0..size {
            let u = (x as f64 + 0.5) / size as f64 * 2.0 - 1.0;
            let v = 1.0 - (y as f64 + 0.5) / size as f64 * 2.0;
            let c = trace(&spheres, light, eye, V(u, v, 1.5).norm(), 3);
            let at = (y * size + x) * 3;
            for (k, channel) in [c.0, c.1, c.2].into_iter().enumerate() {
                pixels[at + k] = (channel.clamp(0.0, 1.0) * 255.0) as u8;
            }
        }
    }
    let mut checksum: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in &pixels {
        checksum = (checksum ^ u64::from(*byte)).wrapping_mul(0x100_0000_01b3);
    }
    println!("raytrace {size}x{size}: checksum {checksum:016x}");
}
