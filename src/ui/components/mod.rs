//! Reusable components: form fields and charts.

pub mod chart;
pub mod deferred;
pub mod number_field;
pub mod panels;
pub mod print_stamp;
pub mod start;
