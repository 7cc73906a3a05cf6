"""The candidate step's forms, one module per form: they parse and show; the rules live in the domain modules."""
