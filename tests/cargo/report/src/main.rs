//! Prints a deterministic report: a shipment manifest deserialized from
//! JSON into derived structs, converted and summed with the `units` library
//! (whose unit table the build script generated), and serialized back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use units::{group_digits, parse_quantity, split_evenly, sum, Quantity, UnitError};

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    id: u32,
    carrier: String,
    #[serde(default)]
    priority: bool,
    items: Vec<Item>,
    legs: Vec<String>,
    notes: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    insured_value: Option<f64>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Item {
    sku: String,
    count: u32,
    weight: String,
}

#[derive(Debug, Serialize)]
struct Summary<'a> {
    id: u32,
    total_weight: Quantity,
    total_distance: Quantity,
    per_truck_kg: Vec<u64>,
    problems: Vec<UnitError>,
    carrier: &'a str,
    value_per_item: f64,
}

const MANIFEST: &str = r#"{
    "id": 7031,
    "carrier": "Lämmergeier Logistik \u2014 Nord",
    "items": [
        {"sku": "BOLT-M8", "count": 1200, "weight": "9 g"},
        {"sku": "PLATE-2", "count": 40, "weight": "3 kg"},
        {"sku": "CRATE", "count": 3, "weight": "35 lb"},
        {"sku": "GLUE", "count": 12, "weight": "7 oz"}
    ],
    "legs": ["120 km", "15 mi", "800 m", "2 h", "40 mi"],
    "notes": {"dock": "B-4", "contact": "ops@example.org", "escaped": "tab\there \"quoted\""},
    "insured_value": 18250.75
}"#;

fn main() {
    println!(
        "units table: {} units, digest {}",
        units::TABLE_LEN,
        units::TABLE_DIGEST
    );

    let manifest: Manifest = serde_json::from_str(MANIFEST).expect("valid manifest");
    println!(
        "manifest {} via {} ({} items)",
        manifest.id,
        manifest.carrier,
        manifest.items.len()
    );

    let mut weights = Vec::new();
    for item in &manifest.items {
        let each = parse_quantity(&item.weight).expect("valid weight");
        let total = Quantity::new(each.amount * i64::from(item.count), &each.unit).unwrap();
        let grams = sum(std::slice::from_ref(&total), "mg").unwrap();
        println!(
            "  {:<8} {:>5} x {:<6} = {} ({})",
            item.sku, item.count, item.weight, total, grams
        );
        weights.push(total);
    }
    let total_weight = sum(&weights, "g").unwrap();
    println!("total weight: {total_weight}");

    let mut problems = Vec::new();
    let mut distances = Vec::new();
    for leg in &manifest.legs {
        let q = parse_quantity(leg).expect("valid leg");
        match q.convert("m") {
            Ok(m) => {
                println!("  leg {leg:>7} = {m}");
                distances.push(q);
            }
            Err(err) => {
                println!("  leg {leg:>7}: {err}");
                problems.push(err);
            }
        }
    }
    for attempt in [("1 mi", "km"), ("5 ft", "in"), ("3 furlong", "m")] {
        match parse_quantity(attempt.0).and_then(|q| q.convert(attempt.1)) {
            Ok(q) => println!("  {} -> {q}", attempt.0),
            Err(err) => {
                println!("  {} -> error: {err}", attempt.0);
                problems.push(err);
            }
        }
    }
    let total_distance = sum(&distances, "m").unwrap();

    let total_kg = u64::try_from(total_weight.amount / 1000).unwrap();
    let per_truck_kg = split_evenly(total_kg, 3);
    let items: u32 = manifest.items.iter().map(|i| i.count).sum();
    let value_per_item = manifest.insured_value.unwrap_or(0.0) / f64::from(items);
    let summary = Summary {
        id: manifest.id,
        total_weight,
        total_distance,
        per_truck_kg,
        problems,
        carrier: &manifest.carrier,
        value_per_item,
    };
    println!(
        "summary:\n{}",
        serde_json::to_string_pretty(&summary).unwrap()
    );
    println!(
        "manifest again: {}",
        serde_json::to_string(&manifest).unwrap()
    );

    let value: serde_json::Value = serde_json::from_str(MANIFEST).unwrap();
    let skus: Vec<&str> = value["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|item| item["sku"].as_str())
        .collect();
    println!("skus: {}", skus.join(","));
    println!(
        "value/item: {value_per_item:.4} ({})",
        group_digits(i64::from(items))
    );

    // A parse error with a position: serde_json finds the line with memchr,
    // whose first search detects CPU features (`cpuid` inline assembly).
    let broken = serde_json::from_str::<Manifest>(r#"{"id": "seven"}"#).unwrap_err();
    println!("bad manifest: {broken}");
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_manifest_parses() {
        let manifest: super::Manifest = serde_json::from_str(super::MANIFEST).unwrap();
        assert_eq!(manifest.items.len(), 4);
        assert!(!manifest.priority);
    }
}
