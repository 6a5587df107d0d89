//! Integration test: the public API and the serde derives, through JSON.

use units::{parse_quantity, sum, Dimension, Quantity, UnitError, UNITS};

#[test]
fn quantities_roundtrip_through_json() {
    let q = parse_quantity("42 lb").unwrap();
    let json = serde_json::to_string(&q).unwrap();
    assert_eq!(json, r#"{"amount":42,"unit":"lb"}"#);
    let back: Quantity = serde_json::from_str(&json).unwrap();
    assert_eq!(back, q);
}

#[test]
fn errors_are_internally_tagged() {
    let err = Quantity::new(1, "h").unwrap().convert("m").unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"kind": "dimension_mismatch", "from": "time", "to": "length"})
    );
    let back: UnitError = serde_json::from_value(json).unwrap();
    assert_eq!(back.to_string(), "cannot convert Time to Length");
    // A parse error with a position (memchr, CPU feature detection).
    let unknown = serde_json::from_str::<UnitError>(r#"{"kind": "nope"}"#);
    assert!(unknown
        .unwrap_err()
        .to_string()
        .starts_with("unknown variant `nope`"));
}

#[test]
fn every_dimension_has_units() {
    for dimension in [Dimension::Length, Dimension::Mass, Dimension::Time] {
        let count = UNITS.iter().filter(|u| u.dimension == dimension).count();
        assert!(count >= 4, "{dimension:?} has {count} units");
    }
}

#[test]
fn a_day_in_minutes() {
    let day = [
        parse_quantity("23 h").unwrap(),
        parse_quantity("3600 s").unwrap(),
    ];
    assert_eq!(sum(&day, "min").unwrap().amount, 1440);
}

#[test]
#[should_panic(expected = "unknown unit")]
fn unwrapping_an_unknown_unit_panics() {
    parse_quantity("3 parsec")
        .map_err(|e| e.to_string())
        .unwrap();
}
