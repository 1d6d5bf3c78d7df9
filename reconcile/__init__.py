"""reconcile: line up the factual claims news outlets make and say where they agree or conflict."""
__version__ = "0.1.0"
