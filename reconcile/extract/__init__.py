"""Claims, event mentions, speakers and quotations from one document (``extract_document``)."""
from reconcile.extract.claims import claim_id
from reconcile.extract.context import LanguageContext, language_context
from reconcile.extract.document import extract_document
from reconcile.extract.hits import BUILDERS

__all__ = ["BUILDERS", "LanguageContext", "claim_id", "extract_document", "language_context"]
