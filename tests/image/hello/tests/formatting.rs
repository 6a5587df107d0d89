#[test]
fn extremes_format_like_std() {
    for n in [i64::MIN, -1, 0, 1, i64::MAX] {
        assert_eq!(hello_image::decimal(n), n.to_string());
    }
}
