fn main() {
    frontend::run();
}
