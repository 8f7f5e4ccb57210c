// After jest is installed in each plugin test file: Testing Library's DOM matchers (toBeInTheDocument, …).
import '@testing-library/jest-dom';
