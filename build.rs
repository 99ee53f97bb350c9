// The bundled policies and schemas are embedded with include_dir!/include_str!; this makes
// cargo rebuild when any file under them changes, including files added later.
fn main() {
    println!("cargo:rerun-if-changed=policies");
    println!("cargo:rerun-if-changed=schemas");
}
